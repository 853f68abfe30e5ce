"""The site root of a multilingual course: a language chooser and a 404 page.

The chooser lists every language by its own name (it works without
JavaScript) and sends a first-time visitor to the best match for the
browser's languages; a visitor who picked a language is sent there next time.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from babel import Locale, UnknownLocaleError

PAGE = """<!doctype html>
<html lang="{source}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif;
  margin: 0; padding: 2rem 1rem; color: #1d1d1f; background: #fff; line-height: 1.5; }}
main {{ max-width: 32rem; margin: 0 auto; }}
h1 {{ font-size: 1.6rem; }}
ul {{ list-style: none; padding: 0; }}
li a {{ display: block; padding: 0.8rem 1rem; margin: 0.5rem 0; border: 1px solid #767676; border-radius: 0.4rem;
  color: #1a4fa0; text-decoration: underline; font-size: 1.15rem; }}
li a:focus-visible {{ outline: 3px solid #1a4fa0; outline-offset: 2px; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #f2f2f2; background: #1e1e1e; }} li a {{ color: #9ec5ff; }} }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
{message}
<ul data-course-languages>
{items}
</ul>
</main>
{script}
</body>
</html>
"""

# Picks the language: the one chosen before, else the browser's best match.
SCRIPT = """<script>
(function () {
  var codes = %s, key = "mkdocs-course/language";
  function go(code) { location.replace(code + "/" + location.search); }
  document.addEventListener("click", function (e) {
    var a = e.target.closest("a[hreflang]");
    if (a) try { localStorage.setItem(key, a.getAttribute("hreflang")); } catch (x) {}
  });
  if (location.hash === "#choose") return;
  var saved = null;
  try { saved = localStorage.getItem(key); } catch (x) {}
  if (saved && codes.indexOf(saved) >= 0) return go(saved);
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var w = String(wanted[i]).toLowerCase();
    for (var j = 0; j < codes.length; j++) if (codes[j].toLowerCase() === w) return go(codes[j]);
    for (j = 0; j < codes.length; j++) if (codes[j].toLowerCase().split("-")[0] === w.split("-")[0]) return go(codes[j]);
  }
})();
</script>"""


def _direction(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).text_direction
    except (UnknownLocaleError, ValueError):
        return "ltr"


def _items(languages: dict[str, str], prefix: str) -> str:
    return "\n".join(
        f'<li><a href="{prefix}{html.escape(code)}/" hreflang="{html.escape(code)}" lang="{html.escape(code)}" '
        f'dir="{_direction(code)}">{html.escape(name)}</a></li>'
        for code, name in languages.items()
    )


def write_root_pages(root: Path, languages: dict[str, str], source: str, title: str) -> None:
    """Write index.html (the chooser) and 404.html at the site root."""
    root.mkdir(parents=True, exist_ok=True)
    codes = json.dumps(list(languages)).replace("<", "\\u003c")
    (root / "index.html").write_text(
        PAGE.format(source=html.escape(source), title=html.escape(title), message="",
                    items=_items(languages, ""), script=SCRIPT % codes),
        encoding="utf-8",
    )
    # A 404 can be served from any depth, so its links are root-relative.
    (root / "404.html").write_text(
        PAGE.format(source=html.escape(source), title=html.escape(title),
                    message="<p>This page does not exist. Choose your language to go to the course.</p>",
                    items=_items(languages, "/"), script=""),
        encoding="utf-8",
    )
