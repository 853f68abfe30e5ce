/* Start every progress widget on the page; runs again on each page Material's
   instant navigation shows. */
(function (C) {
  "use strict";

  var PREFIX = C.progressFormat.prefix;

  // -- start ---------------------------------------------------------------------

  C.bootProgress = function () {
    var roots = document.querySelectorAll("[data-course-progress]");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].mkdocsCourseProgress) continue;
      try {
        roots[i].mkdocsCourseProgress = new C.Progress(roots[i]);
      } catch (e) {
        roots[i].mkdocsCourseProgress = "failed";
        if (window.console) console.error("mkdocs-course: progress could not start", e);
      }
    }
  };

  // Another tab finished a quiz or imported a file: show it here at once.
  if (!C.progressListening) {
    C.progressListening = true;
    window.addEventListener("storage", function (event) {
      if (event.key && event.key.indexOf(PREFIX) !== 0) return;
      var roots = document.querySelectorAll("[data-course-progress]");
      for (var i = 0; i < roots.length; i++) {
        var p = roots[i].mkdocsCourseProgress;
        if (p && p.render) p.render();
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", C.bootProgress);
  else C.bootProgress();
})(window.mkdocsCourse = window.mkdocsCourse || {});
