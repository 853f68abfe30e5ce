"""The scripts and stylesheets a build ships are minified, and still work."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import textwrap

import pytest
from credential_support import issuer_course
from quiz_driver import ALL_TYPES_RIGHT, QuizDriver

from mkdocs_course import runtime
from mkdocs_course.runtime import minified_css, minified_js

JS = runtime.ASSETS / "js"
# each bundle of a built site: the pattern of its file and the sources it joins
BUNDLES = {
    "assets/course/course.*.js": [JS / n for n in runtime.JS_MODULES],
    "assets/course/course.*.css": [runtime.ASSETS / runtime.CSS_FILE],
    "assets/course/progress.*.js": [JS / n for n in runtime.PROGRESS_JS_MODULES],
    "assets/course/progress.*.css": [runtime.ASSETS / n for n in runtime.PROGRESS_CSS_FILES],
    "assets/course/nav.*.js": [JS / n for n in runtime.NAV_JS_MODULES],
    "assets/course/offline.*.js": [JS / n for n in runtime.OFFLINE_JS_MODULES],
    "assets/course/site.*.css": [runtime.ASSETS / n for n in runtime.SITE_CSS_FILES],
    "assets/course/verify.*.js": [JS / n for n in runtime.VERIFY_JS_MODULES],
    "assets/course/verify.*.css": [runtime.ASSETS / n for n in runtime.VERIFY_CSS_FILES],
    "sw.js": [runtime.ASSETS / "sw.js"],
}
COMMENT_LINE = re.compile(r"^\s*//", re.M)


@pytest.fixture(scope="module")
def built(tmp_path_factory, server):
    """The progress fixture with an issuer: quiz pages, the progress page,
    the verify page and the offline worker, built once."""
    project, url, _ = issuer_course(tmp_path_factory.mktemp("minified"), server, name="progress-site")
    return project / "site", url


def node_check(path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("pattern", sorted(BUNDLES))
def test_every_bundle_is_smaller_than_its_sources_and_has_no_comments(built, pattern):
    site, _ = built
    found = sorted(site.glob(pattern))
    assert len(found) == 1, (pattern, found)
    shipped = found[0].read_bytes()
    if pattern == "sw.js":  # without this build's list, which the source lacks
        before, data = shipped.decode("utf-8").split("\nvar BUILD = ", 1)
        _, end = json.JSONDecoder().raw_decode(data)
        shipped = (before + "var BUILD={};" + data[end + 2:]).encode("utf-8")
    sources = "".join(p.read_text(encoding="utf-8") for p in BUNDLES[pattern]).encode("utf-8")
    assert len(shipped) < len(sources)
    assert len(gzip.compress(shipped, 9)) < len(gzip.compress(sources, 9))
    text = shipped.decode("utf-8")
    # none of these sources holds "/*" or a line comment inside a string
    assert "/*" not in text and not COMMENT_LINE.search(text), pattern
    assert "  " not in text.replace('"  "', ""), "indentation is kept"
    if pattern.endswith(".js"):
        result = node_check(found[0])
        assert result.returncode == 0, result.stderr


def test_the_worker_holds_this_builds_list(built):
    site, _ = built
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert worker.count("var BUILD") == 1 and "var BUILD = {};" not in worker
    listed, _ = json.JSONDecoder().raw_decode(worker.split("\nvar BUILD = ", 1)[1])
    assert listed["course"] == "progress-course"
    assert {"one/", "progress/"} <= {url for url, _ in listed["files"]}


MINIFY_PROBE = textwrap.dedent(r"""
    // a comment that goes
    /* a block comment */
    var texts = [
      "a /* not a comment */ b",   // a string that looks like one
      'c // not a comment either',
      `template /* kept */ ${1 + 1}`,
      "<\/script><!--",              // escaped, as a page's inline script would need
    ];
    var patterns = [/\/\*[^*]*\*\//g, /[/]+/, /a\/b/i];   // regular expression literals
    var ratio = 10 / 2 / 5;                               // division, not a pattern
    var x = 1
    var y = x
    ++y                                                   // automatic semicolon insertion
    var out = texts.concat([
      "/* x */ y".replace(patterns[0], ""),
      "a//b".replace(patterns[1], "-"),
      String(patterns[2].test("A/B")), String(ratio), String(x), String(y),
    ]);
    console.log(JSON.stringify(out));
""")


def run_node(tmp_path, name, code) -> str:
    path = tmp_path / name
    path.write_text(code, encoding="utf-8")
    result = subprocess.run(["node", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_minifying_keeps_strings_patterns_and_escapes(tmp_path):
    small = minified_js(MINIFY_PROBE)
    assert "a comment that goes" not in small and "a block comment" not in small
    assert r"<\/script>" in small and "</script" not in small
    expected = run_node(tmp_path, "source.js", MINIFY_PROBE)
    assert run_node(tmp_path, "small.js", small) == expected
    assert '"a /* not a comment */ b"' in expected and '"2"' in expected


def test_minifying_css_keeps_strings():
    css = '/* gone */\n.a::before {\n  content: "/* kept */";\n  color: red; /* gone too */\n}\n'
    assert minified_css(css) == '.a::before{content:"/* kept */";color:red}\n'


@pytest.mark.browser
def test_the_quiz_grades_with_the_minified_runtime(page, fixture_site):
    """Every browser test runs the built (minified) runtime; this one says so."""
    page.goto(fixture_site + "one/")
    page.wait_for_function("document.querySelector(`[data-course-quiz='all-types']`).mkdocsCourseQuiz")
    served = page.evaluate(
        "fetch(document.querySelector(`script[src*='assets/course/course.']`).src).then(r => r.text())")
    assert "/*" not in served and not COMMENT_LINE.search(served)
    assert served.count("\n") < len(runtime.JS_MODULES) * 20, "one line per few statements at most"
    quiz = QuizDriver(page, "all-types")
    quiz.answer_all(ALL_TYPES_RIGHT)
    assert quiz.result.get_attribute("data-course-score") == "100"
    assert quiz.result.get_attribute("data-course-passed") == "true"
