/* What every page shows of the journey, filled in from saved progress: the
   progress line under the header, a module's header (its place, time and
   status), the course overview with its start/continue button, and the end
   of a page that must be read (seen, or "Mark as done"). The build renders
   them hidden, in the page's language (templates/journey.html); nav.js
   calls C.showJourney on every page Material's instant navigation shows and
   when another tab saves. */
(function (C) {
  "use strict";

  var CHECK = "\u2713 ";

  function $$(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }

  function statusText(t, status) {
    return status === "done" ? CHECK + t.journey_done : status === "in-progress" ? t.journey_in_progress : t.journey_not_started;
  }

  function doneCount(data, state) {
    return C.format(C.plural(data.strings.journey_done_count, state.total, data.plural), { done: C.num(state.done), total: C.num(state.total) });
  }

  function fill(bar, state) {
    if (bar) bar.style.width = (state.total ? (100 * state.done) / state.total : 0) + "%";
  }

  function showStatus(el, t, x) {
    el.setAttribute("data-course-status", x.status);
    var words = el.querySelector("[data-course-step-status]");
    if (words) {
      words.textContent = statusText(t, x.status);
      words.hidden = false;
    }
  }

  C.showJourney = function () {
    var data = C.journeyData();
    if (!data) return;
    var state = C.journeyState(data), t = data.strings, byId = new Map();
    state.modules.forEach(function (x) { byId.set(x.module.id, x); });
    $$("[data-course-indicator]").forEach(function (a) {
      a.querySelector("[data-course-indicator-text]").textContent = doneCount(data, state);
      fill(a.querySelector("[data-course-bar]"), state);
      a.hidden = false;
    });
    $$("[data-course-module-header],[data-course-step]").forEach(function (el) {
      var x = byId.get(el.getAttribute("data-course-module-header") || el.getAttribute("data-course-step"));
      if (x) showStatus(el, t, x);
    });
    $$("[data-course-overview]").forEach(function (root) { showOverview(root, data, state); });
    $$("[data-course-reading]").forEach(function (box) { watchReading(box, data, state); });
  };

  function showOverview(root, data, state) {
    var t = data.strings, progress = root.querySelector("[data-course-overview-progress]");
    var cta = root.querySelector("[data-course-cta]"), title = root.querySelector("[data-course-cta-title]");
    if (!cta) return;
    root.querySelector("[data-course-overview-text]").textContent = doneCount(data, state);
    fill(progress.querySelector("[data-course-bar]"), state);
    progress.hidden = false;
    var target = C.journeyTarget(state), started = state.modules.some(function (x) { return x.status !== "not-started"; });
    title.hidden = true;
    if (state.complete) {
      cta.textContent = t.journey_complete;
      cta.href = data.href(data.progress) + "#course-certificate";
      cta.setAttribute("data-course-cta", "certificate");
    } else if (target) {
      cta.textContent = started ? C.format(t.journey_continue, { number: C.num(target.module.number) }) : t.journey_start;
      cta.href = data.href(target.module.url);
      cta.setAttribute("data-course-cta", target.module.id);
      var name = root.querySelector('[data-course-step="' + target.module.id + '"] .course-overview__name');
      if (name && started) {
        title.textContent = name.textContent;
        title.hidden = false;
      }
    }
  }

  // -- reading: a page counts once its end has been seen, or on "Mark as done"

  function watchReading(box, data, state) {
    var id = box.getAttribute("data-course-reading"), index = C.journeyIndex(data, function (m) { return m.id === id; });
    var x = state.modules[index];
    if (!x) return;
    if (x.read) return showRead(box, data, state, index, null);
    if (box.mkdocsCourseReading) return;
    box.mkdocsCourseReading = true;
    function done(how) {
      var before = C.journeyState(data);
      C.markRead(data.course, id, how);
      if (observer) observer.disconnect();
      C.showJourney();
      showRead(box, data, C.journeyState(data), index, before);
      if (C.markNav) C.markNav();
    }
    var button = box.querySelector("[data-course-mark-done]"), observer = null;
    button.addEventListener("click", function () { done("button"); });
    if (!("IntersectionObserver" in window)) return;
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && document.visibilityState !== "hidden") done("end");
    }, { threshold: 0.5 });
    observer.observe(box.querySelector(".course-reading__title"));
  }

  function showRead(box, data, state, index, before) {
    var status = box.querySelector("[data-course-reading-status]"), button = box.querySelector("[data-course-mark-done]");
    box.setAttribute("data-course-read", "true");
    status.textContent = CHECK + data.strings.journey_read_done;
    if (button) button.parentNode.hidden = true;
    C.showNextStep(box.querySelector("[data-course-next-step]"), data, state, index, before);
  }
})(window.mkdocsCourse = window.mkdocsCourse || {});
