/* The learner's journey: which modules are done, whether the course is
   complete, and where to go next, by the rules of docs/progress.md. Shared
   by every page (nav bundle), the quiz page and the progress page, so they
   all agree. A module is a page that counts (progress/journey.py): it places
   quizzes, or reading it is required. Reading progress is kept at
   mkdocs-course/<course>/read/<page id> as {schema: 1, read, how}; a page id
   never has a "/", so no quiz key can be taken for one. */
(function (C) {
  "use strict";

  var PREFIX = "mkdocs-course/";

  function later(x, y) { return String(x || "") > String(y || "") ? x : y; }

  C.readKey = function (course, page) { return PREFIX + course + "/read/" + page; };

  // What a saved reading mark may hold, closed like an attempt (attempts.js).
  C.validRead = function (v) {
    return C.isObject(v) && Object.keys(v).every(function (k) { return k === "schema" || k === "read" || k === "how"; }) &&
      v.schema === 1 && C.isTime(v.read) && (v.how === "end" || v.how === "button");
  };

  C.readMark = function (storage, course, page) {
    var v;
    try { v = JSON.parse(storage.getItem(C.readKey(course, page))); } catch (e) { return null; }
    return C.validRead(v) ? v : null;
  };

  // Record that the learner read a page; the first time counts. False when
  // it was read already or storage is blocked.
  C.markRead = function (course, page, how) {
    try {
      var storage = window.localStorage;
      if (C.readMark(storage, course, page)) return false;
      storage.setItem(C.readKey(course, page), JSON.stringify({ schema: 1, read: new Date().toISOString(), how: how }));
      return true;
    } catch (e) {
      return false;
    }
  };

  // When a saved activity counts as done (docs/activities.md), or null: a
  // self-assessment once a result was shown (its first result's date); an
  // action plan once one row has every field filled (its last change).
  // activity: {id, kind, fields}; data: its saved key or record entry. The
  // same rule as activities/model.py activity_done.
  C.activityDone = function (activity, data) {
    if (!C.isObject(data)) return null;
    if (activity.kind !== "action-plan") {
      var first = null;
      (Array.isArray(data.results) ? data.results : []).forEach(function (r) {
        if (C.isObject(r) && typeof r.date === "string" && (first === null || r.date < first)) first = r.date;
      });
      return first;
    }
    var rows = C.isObject(data.rows) ? data.rows : {}, fields = activity.fields || [];
    var filled = fields.length > 0 && Object.keys(rows).some(function (row) {
      return C.isObject(rows[row]) && fields.every(function (f) {
        var v = C.get(rows[row], f);
        return typeof v === "string" && v.trim() !== "";
      });
    });
    return filled && typeof data.updated === "string" ? data.updated : null;
  };

  C.activityKey = function (course, id) { return PREFIX + course + "/activity/" + id; };

  C.readActivity = function (storage, course, id) {
    try { return JSON.parse(storage.getItem(C.activityKey(course, id))); } catch (e) { return null; }
  };

  // The journey of this page's course (<meta name="mkdocs-course">), with
  // addresses resolved against the site root; null on a page without one.
  C.journeyData = function () {
    var meta = document.querySelector('meta[name="mkdocs-course"][data-course-journey]'), data;
    if (!meta) return null;
    try {
      data = JSON.parse(meta.getAttribute("data-course-journey"));
      data.course = meta.getAttribute("content");
      data.root = new URL((meta.getAttribute("data-course-root") || ".") + "/", location.href).href;
    } catch (e) {
      return null;
    }
    data.href = function (url) { return new URL(url, data.root).href; };
    return data;
  };

  function required(m) { return m.required.length > 0 || m.reading || (m.activities || []).length > 0; }

  // Every module's status from storage; `own` (quiz id -> its attempts) is
  // what a quiz page holds in memory, which wins over storage.
  C.journeyState = function (data, own) {
    var storage = null, quizzes = new Map();
    try { storage = window.localStorage; storage.getItem(PREFIX); } catch (e) { storage = null; }
    function quiz(id) {
      if (quizzes.has(id)) return quizzes.get(id);
      var saved = { attempts: [], current: null }, last = "", started = false;
      if (own && own.has(id)) saved.attempts = own.get(id);
      else if (storage) saved = C.readSaved(storage.getItem(PREFIX + data.course + "/" + id), id);
      saved.attempts.forEach(function (a) { started = true; last = later(last, a.finished || a.started); });
      var c = saved.current;
      if (c && C.isObject(c.answers) && Object.keys(c.answers).length) { started = true; last = later(last, c.started); }
      var q = { passed: saved.attempts.some(C.isPassed), started: started, last: last };
      quizzes.set(id, q);
      return q;
    }
    var modules = data.modules.map(function (m) {
      var read = storage && m.reading ? C.readMark(storage, data.course, m.id) : null;
      var all = m.quizzes.map(quiz), last = read ? read.read : "";
      all.forEach(function (q) { last = later(last, q.last); });
      var needed = required(m) ? m.required.map(quiz) : all;
      var todo = (m.activities || []).map(function (a) {
        var saved = storage ? C.readActivity(storage, data.course, a.id) : null;
        return { saved: !!saved, done: C.activityDone(a, saved) };
      });
      todo.forEach(function (a) { last = later(last, a.done); });
      var done = needed.every(function (q) { return q.passed; }) && (!m.reading || !!read) &&
        todo.every(function (a) { return !!a.done; });
      var started = !!read || all.some(function (q) { return q.started; }) || todo.some(function (a) { return a.saved; });
      return { module: m, status: done ? "done" : started ? "in-progress" : "not-started", last: last, read: read };
    });
    var counted = modules.filter(function (x) { return required(x.module); });
    var done = counted.filter(function (x) { return x.status === "done"; }).length;
    return { modules: modules, done: done, total: counted.length, complete: counted.length > 0 && done === counted.length };
  };

  // The next required module not done after the one at `from` (-1: from
  // the start), going round; null when there is none.
  C.journeyNext = function (state, from) {
    var list = state.modules, n = list.length;
    for (var k = 1; k <= n; k++) {
      var x = list[(from + k + n) % n];
      if (x.status !== "done" && required(x.module)) return x;
    }
    return null;
  };

  // Where the course home sends the learner: the module last worked on
  // unless it is done, else the next one; null once the course is complete.
  C.journeyTarget = function (state) {
    if (state.complete) return null;
    var last = -1, when = "";
    state.modules.forEach(function (x, i) { if (x.last && x.last > when) { when = x.last; last = i; } });
    return last >= 0 && state.modules[last].status !== "done" ? state.modules[last] : C.journeyNext(state, last);
  };

  C.journeyIndex = function (data, test) {
    for (var i = 0; i < data.modules.length; i++) if (test(data.modules[i])) return i;
    return -1;
  };

  function link(href, text, kind) {
    var a = C.el("a", "course-button" + (kind ? " course-button--" + kind : ""), text);
    a.href = href;
    return a;
  }

  // What to do next, after a quiz result or the end of a page that must be
  // read: the next module, or the certificate once the course is complete
  // (said warmly once, when `before` was not complete), and My progress.
  // `instead` buttons (Try again, Review) take the next module's place.
  // Returns the row of buttons, for the caller to add to.
  C.showNextStep = function (box, data, state, index, before, instead) {
    var t = data.strings, certificate = data.href(data.progress) + "#course-certificate";
    box.textContent = "";
    if (state.complete && before && !before.complete) {
      box.appendChild(C.el("p", "course-next__complete", C.format(t.journey_course_complete, { course: data.title })));
      box.setAttribute("data-course-next-step", "completed");
    } else box.setAttribute("data-course-next-step", state.complete ? "certificate" : "next");
    var actions = C.el("p", "course-next__actions"), next = state.complete ? null : C.journeyNext(state, index);
    if (state.complete) actions.appendChild(link(certificate, t.journey_get_certificate)).setAttribute("data-course-next", "certificate");
    else if (next && !instead) {
      actions.appendChild(link(data.href(next.module.url), C.format(t.journey_next, { number: C.num(next.module.number) })))
        .setAttribute("data-course-next", next.module.id);
    }
    (instead || []).forEach(function (node) { actions.appendChild(node); });
    actions.appendChild(link(data.href(data.progress), t.journey_my_progress, "quiet")).setAttribute("data-course-next", "progress");
    box.appendChild(actions);
    box.hidden = false;
    return actions;
  };

  C.journeyLink = link;
})(window.mkdocsCourse = window.mkdocsCourse || {});
