/* What to do next under an activity, as under a quiz result (journey.js's
   C.showNextStep): a self-assessment once its result is shown, an action
   plan once it counts as done (C.activityDone). The module is the one that
   requires the activity, else the page's own (its module header). */
(function (C) {
  "use strict";

  function moduleIndex(data, id) {
    var index = C.journeyIndex(data, function (m) {
      return (m.activities || []).some(function (a) { return a.id === id; });
    });
    if (index >= 0) return index;
    var header = document.querySelector("[data-course-module-header]");
    var page = header && header.getAttribute("data-course-module-header");
    return page ? C.journeyIndex(data, function (m) { return m.id === page; }) : -1;
  }

  // The course's state now, or null on a page without a journey.
  C.activityJourney = function () {
    var data = C.journeyData && C.journeyData();
    return data ? { data: data, state: C.journeyState(data) } : null;
  };

  // Show (done) or hide the activity's next step. `before`: what
  // C.activityJourney gave before this change, to say "completed" once.
  C.showActivityNext = function (root, id, done, before) {
    var box = root.querySelector("[data-course-next-step]"), now = done ? C.activityJourney() : null;
    if (!box) return;
    if (!now) {
      box.hidden = true;
      box.textContent = "";
      return;
    }
    C.showNextStep(box, now.data, now.state, moduleIndex(now.data, id), before && before.state);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
