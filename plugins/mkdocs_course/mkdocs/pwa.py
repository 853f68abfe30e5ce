"""The delivery feature's part for the learner's device: the installable
course (web app manifest, icons, service worker; see ``export/pwa.py``) and
the page script that registers the worker (``assets/js/offline.js``).

Every page gets ``<meta name="mkdocs-course-offline">`` with the worker's
address (``data-course-worker``), the site's root and the words the script
shows, a link to the manifest and the apple-touch-icon; the progress page
gets the "On this device" part. Under ``serve`` the pages register no worker
and ``sw.js`` is a worker that removes any left by an earlier build on the
same address, so previews never show a stale build.
"""

from __future__ import annotations

import os
import tempfile
from html import escape
from pathlib import Path

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..export.pwa import MANIFEST, WORKER, AppSettings, icon_path, short_name, theme_colour, write_pwa
from ..i18n.languages import is_rtl
from ..quiz.render import script_json
from ..runtime import offline_script
from ..templating import template
from .course import CourseBuild, add_to_head

# set by `mkdocs-course serve`; `mkdocs serve` is known by its site folder
SERVE_ENV = "MKDOCS_COURSE_SERVE"
ARTICLE_END = "</article>"


def serving(config) -> bool:
    """Whether this build is for `serve` (MkDocs builds it into a folder it
    makes with tempfile.mkdtemp(prefix="mkdocs_"))."""
    if os.environ.get(SERVE_ENV):
        return True
    site = Path(config.site_dir).resolve()
    return site.name.startswith("mkdocs_") and site.parent == Path(tempfile.gettempdir()).resolve()


class PwaFeature:
    def on_config(self, build: CourseBuild, config) -> None:
        self.build = build
        self.options = build.options.pwa
        self.enabled = self.options.enabled
        if not self.enabled:
            return
        self.serving = serving(config)
        self.colour = theme_colour(self.options.theme_color, config.theme.get("palette"))
        script = offline_script().path
        if script not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(script)

    def on_files(self, files: Files, config) -> None:
        if self.enabled:
            asset = offline_script()
            files.append(File.generated(config, asset.path, content=asset.content))

    def on_post_page(self, output: str, page, progress_page: str | None) -> str:
        if not self.enabled:
            return output
        t = self.build.strings
        root = get_relative_url(".", page.url) or "."
        worker = "" if self.serving else f' data-course-worker="{escape(root)}/{WORKER}"'
        head = (
            f'<meta name="mkdocs-course-offline" data-course-scope="{escape(root)}/"{worker} '
            f'data-course-text-update="{escape(t["offline_update"])}" data-course-text-reload="{escape(t["offline_reload"])}" '
            f'data-course-text-separate="{escape(t["offline_copy_separate"])}">\n'
            f'<link rel="manifest" href="{escape(root)}/{MANIFEST}">\n'
            f'<meta name="theme-color" content="{self.colour}">\n'
            f'<link rel="apple-touch-icon" href="{escape(root)}/{icon_path(192)}">\n'
        )
        output = add_to_head(output, head)
        if page.file.src_uri == progress_page and ARTICLE_END in output:
            strings = {k: v for k, v in t.items() if k.startswith("offline_")}
            block = template("offline-status.html").render(t=t, strings=script_json(strings))
            at = output.rindex(ARTICLE_END)
            output = output[:at] + block + "\n" + output[at:]
        return output

    def on_post_build(self, config, brand=None) -> None:
        if not self.enabled:
            return
        setup = self.build.languages
        title = config.site_name or self.build.course_id
        app = AppSettings(
            name=title,
            short_name=short_name(title, self.options.short_name),
            language=setup.language,
            direction="rtl" if is_rtl(setup.language) else "ltr",
            theme_color=self.colour,
            logo=brand.logo if brand else "",
        )
        search = config.plugins.get("search")
        languages = list(getattr(search, "config", {}).get("lang") or []) if search else []
        write_pwa(Path(config.site_dir), app, self.build.course_id, languages, serving=self.serving,
                  cache=self.build.disk_cache)
