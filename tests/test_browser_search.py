"""Material's search, fetched when first opened (mkdocs/search.py): a page
loads without the search index or the search worker, and search still finds
pages once the learner opens it, by pointer or by keyboard, on a phone or a
laptop; instant navigation and the 404 page keep it working."""

from __future__ import annotations

import re

from mkdocs_course.mkdocs.search import inline_script

INDEX = re.compile(r"/search/search_index\.json$")
WORKER = re.compile(r"/workers/search\.[^/]*\.js$")


def watch(page) -> list[str]:
    """The addresses of the search index and worker the page asks for (not
    the offline worker's precache, which fetches them in the background)."""
    asked: list[str] = []

    def seen(request):
        if request.service_worker is None and (INDEX.search(request.url) or WORKER.search(request.url)):
            asked.append(request.url)

    page.context.on("request", seen)
    return asked


def results(page) -> list[str]:
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()


def test_a_page_loads_without_search_and_search_works_when_opened(page, fixture_site):
    asked = watch(page)
    page.goto(fixture_site + "one/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # anything Material would have started after load
    assert asked == []
    page.locator(".md-search__input").click()
    page.keyboard.type("second")
    assert any("One" in title for title in results(page))
    assert any(INDEX.search(url) for url in asked) and any(WORKER.search(url) for url in asked)


def test_the_keyboard_shortcut_opens_search_and_it_finds_pages(page, fixture_site):
    asked = watch(page)
    page.goto(fixture_site + "two/")
    page.wait_for_load_state("networkidle")
    assert asked == []
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    page.keyboard.type("question")
    assert any("One" in title for title in results(page))


def test_on_a_phone_the_search_button_opens_search(browser, fixture_site):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        asked = watch(page)
        page.goto(fixture_site + "one/")
        page.wait_for_load_state("networkidle")
        assert asked == []
        page.locator('label.md-header__button[for="__search"]').tap()
        page.keyboard.type("second")
        assert any("One" in title for title in results(page))
        assert errors == []
    finally:
        context.close()


def test_search_keeps_working_after_instant_navigation_and_on_the_404_page(page, fixture_site):
    page.goto(fixture_site + "one/")
    page.locator(".md-content a", has_text="the second quiz").click()
    page.wait_for_url("**/two/")
    page.locator(".md-search__input").click()
    page.keyboard.type("question")
    assert any("One" in title for title in results(page))
    page.goto(fixture_site + "404.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("question")
    assert any("One" in title for title in results(page))


def test_an_address_that_asks_for_search_loads_it_at_once(page, fixture_site):
    asked = watch(page)
    page.goto(fixture_site + "one/?h=second")
    page.wait_for_load_state("networkidle")
    assert any(INDEX.search(url) for url in asked)


def test_the_inline_script_cannot_end_its_element_and_is_set_once_before_the_bundle(fixture_site, server):
    assert "</" not in inline_script()[len("<script>"):-len("</script>\n")]
    from urllib.request import urlopen

    html = urlopen(fixture_site + "one/").read().decode("utf-8")
    assert html.count(inline_script()) == 1
    assert html.index(inline_script()) < html.index("assets/javascripts/bundle.")


def test_requests_other_than_search_pass_through(page, fixture_site):
    """A request the page makes itself is not held back."""
    page.goto(fixture_site + "one/")
    status = page.evaluate("""() => new Promise(resolve => {
      const request = new XMLHttpRequest();
      request.open("GET", "../sitemap.xml");
      request.onload = () => resolve(request.status);
      request.send();
    })""")
    assert status == 200
