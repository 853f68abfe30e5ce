/* SCORM: the launch page starts the session and opens the course in its
   frame. window.mkdocsCourseSCORM is how the course's pages find it
   (scorm-page.js). */
(function (C) {
  "use strict";

  var S = C.scorm;
  var payload = document.querySelector("[data-course-scorm]");
  var frame = document.querySelector("[data-course-lms-frame]");
  if (!payload || !frame || window.mkdocsCourseSCORM) return;
  var data = JSON.parse(payload.content.textContent);
  var session = window.mkdocsCourseSCORM = new S.Session(window, data);
  frame.src = session.start();
})(window.mkdocsCourse = window.mkdocsCourse || {});
