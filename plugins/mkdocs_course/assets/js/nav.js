/* Mark passed modules in the navigation: a check mark plus words for
   screen readers, never colour alone; then show the journey
   (journey-views.js). Loaded on every page, so it stays small.
   <meta name="mkdocs-course"> names the course, the site root and a map of
   quiz pages (site-relative URL -> quiz ids); this script gives each
   navigation link to a quiz page data-course-nav-quiz="<quiz ids>", then
   marks the passed ones. Runs again on every page Material's instant
   navigation shows, and when another tab saves progress. */
(function (C) {
  "use strict";

  // The quiz page's and the progress page's rule (attempts.js).
  function passed(course, quiz) {
    try {
      return C.readSaved(window.localStorage.getItem("mkdocs-course/" + course + "/" + quiz), quiz).attempts.some(C.isPassed);
    } catch (e) {
      return false; // storage blocked
    }
  }

  function tagLinks(meta) {
    var map, root;
    try {
      map = JSON.parse(meta.getAttribute("data-course-nav") || "{}");
      root = new URL((meta.getAttribute("data-course-root") || ".") + "/", location.href).pathname;
    } catch (e) {
      return;
    }
    var links = document.querySelectorAll("a.md-nav__link[href]");
    for (var i = 0; i < links.length; i++) {
      // Not the table of contents, nor any link to a part of a page: Material
      // rewrites "#heading" to an absolute address of this very page.
      if (links[i].closest(".md-nav--secondary")) continue;
      var url = new URL(links[i].getAttribute("href"), location.href), path = url.pathname;
      if (url.hash || path.indexOf(root) !== 0) continue;
      var ids = C.get(map, decodeURI(path.slice(root.length)));
      if (typeof ids === "string") links[i].setAttribute("data-course-nav-quiz", ids);
    }
  }

  C.markNav = function () {
    var meta = document.querySelector('meta[name="mkdocs-course"]');
    if (!meta) return;
    var course = meta.getAttribute("content"), words = meta.getAttribute("data-course-nav-passed");
    tagLinks(meta);
    var links = document.querySelectorAll("a[data-course-nav-quiz]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i], mark = link.querySelector(".course-nav-mark");
      var done = link.getAttribute("data-course-nav-quiz").split(" ").every(function (quiz) { return passed(course, quiz); });
      if (done && !mark) {
        mark = document.createElement("span");
        mark.className = "course-nav-mark";
        var symbol = document.createElement("span"), text = document.createElement("span");
        symbol.setAttribute("aria-hidden", "true");
        symbol.textContent = "\u2713";
        text.className = "course-nav-mark__text";
        text.textContent = " (" + words + ")";
        mark.appendChild(symbol);
        mark.appendChild(text);
        link.appendChild(mark);
        link.setAttribute("data-course-passed", "true");
      } else if (!done && mark) {
        mark.remove();
        link.removeAttribute("data-course-passed");
      }
    }
  };

  // The marks and the journey (journey-views.js), on this page as it is now.
  C.refreshCourse = function () {
    C.markNav();
    if (C.showJourney) C.showJourney();
  };

  if (C.navStarted) return;
  C.navStarted = true;
  var pages = window.document$;
  if (pages && typeof pages.subscribe === "function") pages.subscribe(function () { C.refreshCourse(); });
  // Also at load: opened from files (the offline copy), Material's document$
  // never emits, and showing twice changes nothing.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", C.refreshCourse);
  else C.refreshCourse();
  window.addEventListener("storage", function () { C.refreshCourse(); });
})(window.mkdocsCourse = window.mkdocsCourse || {});
