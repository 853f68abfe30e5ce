/* SCORM: loaded first by every page of a SCORM package. It finds the launch
   page's session (window.mkdocsCourseSCORM in a parent frame, a few frames
   up at most) and tells it which page is shown, for the bookmark. When the
   browser blocks storage, the page uses the session's copy in memory, so
   the quizzes, the progress page and the navigation marks still work and
   the LMS still gets every attempt. With no session (the page opened on its
   own) it does nothing: the page is the plain site. */
(function () {
  "use strict";

  var session = null, win = window;
  for (var n = 0; n < 10 && !session; n++) {
    var parent;
    try {
      parent = win.parent;
      if (!parent || parent === win) break;
      session = parent.mkdocsCourseSCORM || null;
    } catch (e) {
      break; // a frame of another origin: not the package's
    }
    win = parent;
  }
  if (!session) return;
  if (session.storage) {
    try {
      window.localStorage.getItem("mkdocs-course/probe");
    } catch (e) {
      Object.defineProperty(window, "localStorage", { configurable: true, value: session.storage });
    }
  }
  session.visit(location.href);
})();
