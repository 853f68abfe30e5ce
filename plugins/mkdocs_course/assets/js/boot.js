/* Start every quiz on the page that has not started yet. Runs on first load
   and again each time Material's instant navigation swaps the page. */
(function (C) {
  "use strict";

  C.boot = function () {
    var quizzes = document.querySelectorAll("[data-course-quiz]");
    for (var i = 0; i < quizzes.length; i++) {
      var root = quizzes[i];
      if (root.mkdocsCourseQuiz) continue;
      try {
        root.mkdocsCourseQuiz = new C.Quiz(root);
      } catch (e) {
        root.mkdocsCourseQuiz = "failed";
        if (window.console) console.error("mkdocs-course: quiz could not start", e);
      }
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", C.boot);
  else C.boot();
})(window.mkdocsCourse = window.mkdocsCourse || {});
