/* Start every activity on the page that has not started yet; runs again
   each time Material's instant navigation swaps the page. Text still being
   typed is saved when the page is left (pagehide), also by instant
   navigation (the page's fields lose focus first). */
(function (C) {
  "use strict";

  var KINDS = { "self-assessment": "SelfAssessment", "action-plan": "ActionPlan" };
  C.activities = C.activities || [];

  C.bootActivities = function () {
    var roots = document.querySelectorAll("[data-course-activity]");
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      if (root.mkdocsCourseActivity) continue;
      try {
        root.mkdocsCourseActivity = new C[KINDS[root.getAttribute("data-activity-kind")]](root);
        C.activities.push(root.mkdocsCourseActivity);
      } catch (e) {
        root.mkdocsCourseActivity = "failed";
        if (window.console) console.error("mkdocs-course: activity could not start", e);
      }
    }
  };

  if (!C.activityListeners) {
    C.activityListeners = true;
    window.addEventListener("pagehide", function () {
      C.activities.forEach(function (a) { if (a.saveNow) a.saveNow(); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", C.bootActivities);
  else C.bootActivities();
})(window.mkdocsCourse = window.mkdocsCourse || {});
