"""The installable course in Chromium over http on 127.0.0.1 (a secure
context), hosted under a subfolder: after the first visit every page, search,
the quizzes, the progress page and the certificate work offline; a new build
reaches the learner through "Reload"; nothing is asked of any other host."""

from __future__ import annotations

import json
import re

import pytest
from mkdocs_course.export.icons import png_size
from mkdocs_course.export.pwa import ICON_SIZES
from mkdocs_course.i18n.interface import INTERFACE
from conftest import axe_scan
from pwa_host import Host, build_into, course_project, outside, search, wait_for_worker, watch_requests
from quiz_driver import QuizDriver

pytestmark = pytest.mark.browser

COURSE = "progress-course"
RIGHT = {"first": {"q1": "blue"}, "second": {"q1": "true", "q2": "four"}}
PAGES = {"first": "one/", "second": "two/"}


@pytest.fixture
def host(tmp_path):
    served = Host(tmp_path / "host")
    yield served
    served.stop()


@pytest.fixture
def learner(browser):
    """A fresh context (its own service workers and storage) and a page."""
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    requests = watch_requests(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield context, page, requests
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def site_pages(site) -> list[str]:
    manifest = json.loads((site / "mkdocs-course.json").read_text(encoding="utf-8"))
    return [p["url"] for p in manifest["pages"]]


def precache_list(site) -> dict[str, str]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    build = json.loads(re.search(r"^var BUILD = (.*);$", text, re.M).group(1))
    return dict(build["files"]), build


def take(page, base, quiz_id):
    page.goto(base + PAGES[quiz_id])
    quiz = QuizDriver(page, quiz_id)
    quiz.answer_all(RIGHT[quiz_id])
    assert quiz.result.is_visible()
    return quiz


def test_after_the_first_visit_the_whole_course_works_offline(host, tmp_path, learner):
    context, page, requests = learner
    site = build_into(course_project(tmp_path), host)
    page.goto(host.base)
    wait_for_worker(page)

    context.set_offline(True)
    for url in site_pages(site) + ["progress/"]:
        response = page.goto(host.base + url)
        assert response.ok, url
        assert page.locator("article h1").first.is_visible(), url
    # search: Material's worker and its index come from the cache
    page.goto(host.base)
    assert any("Module 1" in title for title in search(page, "Module"))
    # quizzes grade and save, and the attempt is there after a reload
    take(page, host.base, "first")
    page.reload()
    assert QuizDriver(page, "first").result.is_visible()
    take(page, host.base, "second")
    # the progress page and the certificate
    page.goto(host.base + "progress/")
    page.wait_for_function("document.querySelector('[data-course-progress]').mkdocsCourseProgress")
    assert page.locator('[data-course-module="first"]').get_attribute("data-course-status") == "passed"
    page.locator("[data-course-learner-name]").fill("Ada Learner")
    page.locator("[data-course-certificate-form] button[type=submit]").click()
    page.locator("[data-course-certificate]").wait_for(state="visible")
    assert page.locator("[data-course-certificate-name]").inner_text() == "Ada Learner"
    status = page.locator("[data-course-offline-status]")
    assert status.get_attribute("data-course-offline-worker") == "ready"
    assert status.locator("[data-course-offline-ready]").inner_text() == (
        "Every page of this course now opens on this device without a connection."
    )
    assert axe_scan(page) == []  # "On this device" among the rest of the progress page
    # a page that is not in the course gets the site's 404 page, offline too
    response = page.goto(host.base + "no-such-page/")
    assert response.status == 404 and "404" in page.locator("article h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert outside(requests, host.origin) == []


def test_instant_navigation_works_offline(host, tmp_path, learner):
    context, page, requests = learner
    build_into(course_project(tmp_path), host)
    page.goto(host.base)
    wait_for_worker(page)
    context.set_offline(True)
    page.evaluate("window.__kept = true")  # gone if the click loaded a new page
    page.set_viewport_size({"width": 1280, "height": 900})  # the navigation beside the page
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="Module 1").click()
    page.wait_for_url(host.base + "one/")
    page.locator('[data-course-quiz="first"] [data-course-check]').first.wait_for()
    assert page.evaluate("window.__kept === true")
    assert outside(requests, host.origin) == []


def test_the_manifest_icons_and_precache_list_match_the_site(host, tmp_path, learner):
    context, page, _ = learner
    site = build_into(course_project(tmp_path), host)
    page.goto(host.base + "one/")
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = page.evaluate("u => fetch(u).then(r => r.json())", href)
    assert manifest["name"] == "Progress test course"
    assert manifest["short_name"] == "Progress"
    assert (manifest["lang"], manifest["dir"], manifest["display"]) == ("en", "ltr", "standalone")
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {(f"{s}x{s}", p) for s in ICON_SIZES for p in ("any", "maskable")}
    for icon in manifest["icons"]:
        width, height = png_size((site / icon["src"]).read_bytes())
        assert f"{width}x{height}" == icon["sizes"]
    # the worker controls the page, at the site's folder
    wait_for_worker(page)
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == host.base
    # the precache list is every file of the site, less what no browser asks for
    listed, _ = precache_list(site)
    files = set()
    for path in site.rglob("*"):
        name = path.relative_to(site).as_posix()
        if path.is_file() and not name.endswith(".map") and name not in ("sw.js", "sitemap.xml.gz") \
                and not name.startswith("assets/javascripts/lunr/"):
            files.add(re.sub(r"(^|/)index\.html$", r"\1", name))
    assert set(listed) == files
    cached = page.evaluate("""async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find(n => n.startsWith('mkdocs-course ')));
        return (await cache.keys()).map(r => r.url);
    }""")
    assert sorted(cached) == sorted(host.base + url for url in listed)


def change_quiz(project):
    path = project / "quizzes" / "first.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Which colour is the sky on a clear day?", "Which colour is the sea on a clear day?"),
                    encoding="utf-8")


LOOK_FOR_NEW_BUILD = """() => new Promise((resolve, reject) => {
  const start = Date.now();
  function states(r) {
    return ["installing", "waiting", "active"].map(k => k + ": " + (r && r[k] ? r[k].state : "-")).join(", ");
  }
  (function look() {
    if (document.querySelector("[data-course-update]")) return resolve(true);
    navigator.serviceWorker.getRegistration().then(r => {
      if (Date.now() - start > 60000) return reject(new Error("no update offered; worker " + states(r)));
      // a learner's browser looks again on later visits; a failed look is
      // tried again the same way
      return (r && !r.installing && !r.waiting ? r.update() : null);
    }).catch(e => { if (String(e).indexOf("no update offered") >= 0) throw e; })
      .then(() => setTimeout(look, 1000), reject);
  })();
})"""


def look_for_new_build(page) -> None:
    """Ask the browser to look for a new worker until the page offers it."""
    page.evaluate(LOOK_FOR_NEW_BUILD)


def test_a_new_build_is_offered_and_runs_only_after_reload(host, tmp_path, learner):
    context, page, requests = learner
    project = course_project(tmp_path)
    site = build_into(project, host)
    _, first = precache_list(site)
    page.goto(host.base + "one/")
    wait_for_worker(page)
    change_quiz(project)
    build_into(project, host)
    _, second = precache_list(site)
    assert second["version"] != first["version"]
    # the browser finds the new worker; until the learner reloads, the page
    # (and every page it opens) is the old build
    look_for_new_build(page)
    bar = page.locator("[data-course-update]")
    assert bar.inner_text().startswith("A new version of the course is available.")
    assert axe_scan(page) == []  # the bar and its button
    page.goto(host.base + "one/")
    assert "sky" in page.locator('[data-course-question="q1"]').inner_text()
    bar = page.locator("[data-course-update]")
    bar.wait_for(timeout=30000)
    with page.expect_navigation():
        bar.get_by_role("button", name="Reload").click()
    page.locator('[data-course-question="q1"]').wait_for()
    assert "sea" in page.locator('[data-course-question="q1"]').inner_text()
    # only the new version's cache is left, and unchanged files came from the old one
    names = page.evaluate("caches.keys()")
    assert names == [f"mkdocs-course {host.base} {second['version']}"]
    context.set_offline(True)
    page.goto(host.base + "one/")
    assert "sea" in page.locator('[data-course-question="q1"]').inner_text()
    assert outside(requests, host.origin) == []


def test_chromium_accepts_the_course_logo_as_the_app_icon(host, tmp_path, learner):
    context, page, _ = learner
    project = course_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  logo: logo.svg\n"),
                      encoding="utf-8")
    (project / "course" / "en" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
        '<rect width="64" height="64" fill="#b03060"/></svg>\n', encoding="utf-8")
    site = build_into(project, host)
    icons = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))["icons"]
    assert icons[0] == {"src": "logo.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
    page.goto(host.base)
    wait_for_worker(page)
    cdp = context.new_cdp_session(page)
    assert cdp.send("Page.getAppManifest")["errors"] == []
    # Chromium judges the icons even in a private context, the one thing it
    # holds against installing here ("no-acceptable-icon" if the logo would not do)
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert errors == ["in-incognito"]
    cached = page.evaluate("caches.keys().then(k => caches.open(k.find(n => n.startsWith('mkdocs-course ')))"
                           ".then(c => c.match('logo.svg')).then(r => !!r))")
    assert cached  # the installed app has its icon offline too


# Counts the course's calls of navigator.storage.persist() across pages (in
# sessionStorage), calling the browser's own, and keeps what it answered.
COUNT_PERSIST = """
(() => {
  const storage = navigator.storage;
  if (!storage || !storage.persist) return;
  const own = storage.persist.bind(storage);
  storage.persist = () => {
    sessionStorage.setItem('persist-calls', String(Number(sessionStorage.getItem('persist-calls') || 0) + 1));
    return own().then(kept => { sessionStorage.setItem('persist-answer', String(kept)); return kept; });
  };
})();
"""


def persist_calls(page) -> int:
    return page.evaluate("Number(sessionStorage.getItem('persist-calls') || 0)")


def test_storage_is_kept_after_the_first_check_and_the_progress_page_says_so(host, tmp_path, learner):
    context, page, requests = learner
    context.add_init_script(COUNT_PERSIST)
    build_into(course_project(tmp_path), host)
    # opening pages asks nothing: the progress page only reads the answer
    page.goto(host.base + "progress/")
    page.locator("[data-course-offline-status] [data-course-offline-persist]").wait_for()
    page.goto(host.base + PAGES["first"])
    quiz = QuizDriver(page, "first")
    assert persist_calls(page) == 0
    # the first answer checked: the learner has something to keep
    quiz.answer_all(RIGHT["first"])
    page.wait_for_function("sessionStorage.getItem('persist-answer') !== null")
    assert persist_calls(page) == 1
    answer = page.evaluate("sessionStorage.getItem('persist-answer')")
    # the progress page states what the browser says now
    page.goto(host.base + "progress/")
    status = page.locator("[data-course-offline-status]")
    status.locator("[data-course-offline-persist]").wait_for()
    page.wait_for_function("document.querySelector('[data-course-offline-status]')"
                           ".getAttribute('data-course-offline-persisted') !== 'unknown'")
    kept = page.evaluate("navigator.storage.persisted()")
    assert answer == str(kept).lower()
    assert status.get_attribute("data-course-offline-persisted") == str(kept).lower()
    assert status.locator("[data-course-offline-persist]").inner_text() == (
        INTERFACE["offline_persisted"] if kept else INTERFACE["offline_not_persisted"])
    assert persist_calls(page) == 1
    assert outside(requests, host.origin) == []


def test_a_course_of_activities_asks_to_keep_its_storage_when_a_plan_is_written(host, tmp_path, learner):
    from test_browser_activities import activity, field

    context, page, requests = learner
    context.add_init_script(COUNT_PERSIST)
    build_into(course_project(tmp_path, "activity-site"), host)
    plan = activity(page, host.base, "plan/", "plan")
    assert persist_calls(page) == 0
    field(plan, "1", "who").fill("Marta")
    field(plan, "1", "who").blur()
    page.wait_for_function("sessionStorage.getItem('persist-answer') !== null")
    assert persist_calls(page) == 1
    assert outside(requests, host.origin) == []
