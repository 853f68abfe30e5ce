/* The "My progress" page: every quiz of the course read from storage, each
   module's status, the overall percent and where to continue; clearing one
   module (after confirmation); the certificate. Files (export, import, the
   completion record) are in progress-files.js. Nothing here writes a quiz's key except through
   C.Store, which merges attempts by id, so no attempt is ever dropped. */
(function (C) {
  "use strict";

  // Shared with progress-files.js and progress-boot.js; what an attempt may
  // hold is C.validAttempt (attempts.js), the same rule the quiz page and
  // the navigation use.
  var F = C.progressFormat = {
    // schema: what storage keys hold; fileSchema: the files' format (2 adds
    // reading progress; files of schema 1 are still read)
    prefix: "mkdocs-course/", schema: 1, fileSchema: 2, id: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    kindProgress: "mkdocs-course/progress", kindRecord: "mkdocs-course/completion-record",
    text: function (v) { return typeof v === "string"; }
  };
  var PREFIX = F.prefix, SCHEMA = F.schema, ID = F.id, object = C.isObject, text = F.text;
  var CHECK = "\u2713 ";

  function $(root, selector) { return root.querySelector(selector); }

  // Reading needs no write access: full storage still shows progress.
  function reader() {
    try {
      var s = window.localStorage;
      s.getItem(PREFIX);
      return s;
    } catch (e) {
      return null;
    }
  }

  function readJSON(storage, key) {
    var raw = storage.getItem(key);
    if (raw === null) return null;
    try { return JSON.parse(raw); } catch (e) { return undefined; }
  }

  var num = C.num; // numbers in the page's language
  function later(x, y) { return String(x) > String(y) ? x : y; }

  // What one quiz's saved attempts say, by the rules in docs/progress.md:
  // any passed attempt counts, on whatever version of the quiz it was made.
  // data: what C.readSaved trusts of the quiz's key, or undefined if none.
  C.quizStatus = function (module, data) {
    var attempts = data ? data.attempts : [], current = data && data.current;
    var done = attempts.filter(C.isFinished), passes = done.filter(C.isPassed);
    var best = null, first = null, last = "";
    done.forEach(function (a) { if (!best || a.score > best.score) best = a; });
    passes.forEach(function (a) { if (!first || String(a.finished) < String(first.finished)) first = a; });
    attempts.forEach(function (a) { last = later(last, a.finished || a.started || ""); });
    var answered = current && object(current.answers) && Object.keys(current.answers).length > 0;
    if (answered) last = later(last, current.started || "");
    return {
      status: first ? "passed" : done.length || answered || attempts.length ? "in-progress" : "not-started",
      best: best, first: first, last: last, count: done.length,
      older: done.some(function (a) { return a.version !== module.version; }),
      damaged: data ? data.damaged : ""
    };
  };

  C.Progress = function (root) {
    this.root = root;
    this.payload = JSON.parse($(root, "[data-course-progress-payload]").content.textContent);
    this.t = this.payload.strings;
    this.course = this.payload.course;
    this.wire();
    this.render();
  };

  var P = C.Progress.prototype;

  P.key = function (quiz) { return PREFIX + this.course + "/" + quiz; };

  // Every quiz key of this course in storage: a Map from quiz id to what
  // C.readSaved trusts of it (its `damaged` part the quiz page sets aside
  // when opened; this page never writes).
  P.readAll = function () {
    var storage = reader(), found = new Map(), start = PREFIX + this.course + "/";
    if (!storage) return null;
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (!key || key.indexOf(start) !== 0) continue;
      var quiz = key.slice(start.length);
      if (!ID.test(quiz) || quiz === "learner") continue;
      found.set(quiz, C.readSaved(storage.getItem(key), quiz));
    }
    return found;
  };

  P.learnerName = function () {
    var storage = reader(), data = storage && readJSON(storage, this.key("learner"));
    return object(data) && text(data.name) ? data.name : "";
  };

  // Everything the page shows, computed once per render.
  P.state = function () {
    var stored = this.readAll(), self = this;
    if (!stored) return null;
    var modules = this.payload.modules.map(function (m) {
      return { module: m, data: stored.get(m.quiz), s: C.quizStatus(m, stored.get(m.quiz)) };
    });
    var required = modules.filter(function (x) { return x.module.required; });
    var passed = required.filter(function (x) { return x.s.status === "passed"; });
    // pages to read count like required quizzes (journey.js keeps the marks)
    var storage = reader(), course = this.course;
    var readings = (this.payload.readings || []).map(function (r) {
      return { reading: r, read: storage ? C.readMark(storage, course, r.page) : null };
    });
    var read = readings.filter(function (x) { return x.read; });
    // and so do activities to do, by C.activityDone (journey.js)
    var todo = (this.payload.requiredActivities || []).map(function (a) {
      return { activity: a, done: storage ? C.activityDone(a, C.readActivity(storage, course, a.id)) : null };
    });
    var did = todo.filter(function (x) { return x.done; });
    var total = required.length + readings.length + todo.length, done = passed.length + read.length + did.length;
    var state = {
      stored: stored, modules: modules, required: required, readings: readings, todo: todo, passed: done, total: total,
      complete: total > 0 && done === total
    };
    if (state.complete) {
      var versions = Object.create(null);
      state.date = "";
      required.forEach(function (x) {
        versions[x.module.quiz] = x.s.first.version;
        state.date = later(state.date, x.s.first.finished);
      });
      readings.forEach(function (x) { state.date = later(state.date, x.read.read); });
      todo.forEach(function (x) { state.date = later(state.date, x.done); });
      state.earned = C.courseVersion(versions, readings.map(function (x) { return x.reading.page; }),
        todo.map(function (x) { return x.activity.id; }));
      state.attemptIds = required.map(function (x) { return x.s.first.id; });
    }
    state.name = self.learnerName();
    return state;
  };

  // -- showing -----------------------------------------------------------------

  P.render = function () {
    var state = this.state(), t = this.t, root = this.root;
    var warning = $(root, "[data-course-progress-storage]");
    warning.hidden = !!state;
    warning.textContent = state ? "" : t.progress_storage_blocked;
    var summary = $(root, "[data-course-summary]");
    if (!summary) return;
    this.current = state;
    if (!state) {
      summary.hidden = true;
      return;
    }
    state.modules.forEach(this.renderModule, this);
    state.readings.forEach(this.renderReading, this);
    state.todo.forEach(this.renderActivity, this);
    // as a person rounds (1 of 6 is 17%), but never 100% before the end nor 0% after a start
    var total = state.total, percent = total ? Math.round((100 * state.passed) / total) : 0;
    if (state.passed < total) percent = Math.min(percent, 99);
    if (state.passed > 0) percent = Math.max(percent, 1);
    $(root, "[data-course-overall]").textContent = C.format(t.progress_overall, { percent: num(percent), passed: num(state.passed), total: num(total) });
    $(root, "[data-course-overall-bar]").value = percent;
    summary.setAttribute("data-course-percent", String(percent));
    summary.hidden = false;
    this.renderContinue(state);
    this.renderCertificate(state);
  };

  P.renderModule = function (x) {
    var li = $(this.root, '[data-course-module="' + x.module.quiz + '"]'), t = this.t, s = x.s;
    if (!li) return;
    var status = $(li, "[data-course-module-status]"), note = $(li, "[data-course-module-note]");
    li.setAttribute("data-course-status", s.status);
    if (s.best) li.setAttribute("data-course-score", String(s.best.score));
    else li.removeAttribute("data-course-score");
    var values = s.best ? { score: num(s.best.score), date: C.isolate(C.date(s.best.finished)), pass_mark: num(x.module.passMark) } : {};
    status.textContent = s.status === "passed" ? CHECK + C.format(t.progress_passed, values) :
      s.best ? C.format(t.progress_in_progress_best, values) :
      s.status === "in-progress" ? t.progress_in_progress : t.progress_not_started;
    var notes = [];
    if (s.damaged) notes.push(s.damaged === "all" ? t.progress_damaged : t.progress_partly_damaged);
    if (s.older) notes.push(t.progress_older);
    note.textContent = notes.join(" ");
    note.hidden = !notes.length;
    if (s.older) li.setAttribute("data-course-older", "true");
    else li.removeAttribute("data-course-older");
    $(li, "[data-course-clear]").hidden = !x.data;
  };

  P.renderReading = function (x) {
    var li = $(this.root, '[data-course-page="' + x.reading.page + '"]'), t = this.t;
    if (!li) return;
    li.setAttribute("data-course-status", x.read ? "read" : "not-read");
    $(li, "[data-course-module-status]").textContent = x.read ?
      CHECK + C.format(t.progress_read, { date: C.isolate(C.date(x.read.read)) }) : t.progress_not_read;
    $(li, "[data-course-clear]").hidden = !x.read;
  };

  P.renderActivity = function (x) {
    var li = $(this.root, '[data-course-required-activity="' + x.activity.id + '"]'), t = this.t;
    if (!li) return;
    li.setAttribute("data-course-status", x.done ? "done" : "not-done");
    $(li, "[data-course-module-status]").textContent = x.done ?
      CHECK + C.format(t.progress_activity_done, { date: C.isolate(C.date(x.done)) }) :
      x.activity.kind === "action-plan" ? t.progress_plan_not_done : t.progress_assessment_not_done;
  };

  // Where to go on, by the journey's rule (journey.js): the module last
  // worked on unless it is done, else the next one not done; here it names
  // that page's quiz still to pass, or the page to read.
  P.renderContinue = function (state) {
    var box = $(this.root, "[data-course-continue]"), link = $(box, "a"), t = this.t;
    var data = C.journeyData(), journey = data && C.journeyState(data), step = journey && C.journeyTarget(journey);
    var target = null;
    if (step && !state.complete) {
      var quizzes = state.modules.filter(function (x) { return step.module.quizzes.indexOf(x.module.quiz) >= 0; });
      var pending = quizzes.filter(function (x) { return x.s.status !== "passed"; })[0] || quizzes[0];
      var reading = state.readings.filter(function (x) { return x.reading.page === step.module.id; })[0];
      var ids = (step.module.activities || []).map(function (a) { return a.id; });
      var activity = state.todo.filter(function (x) { return !x.done && ids.indexOf(x.activity.id) >= 0; })[0];
      target = pending ? { id: pending.module.quiz, title: pending.module.title, href: pending.module.href } :
        reading ? { id: reading.reading.page, title: reading.reading.title, href: reading.reading.href } :
        activity ? { id: activity.activity.id, title: activity.activity.title, href: activity.activity.href } : null;
    }
    var started = journey && journey.modules.some(function (x) { return x.status !== "not-started"; });
    box.hidden = !target && !state.complete;
    if (target) {
      link.textContent = C.format(started ? t.progress_continue : t.progress_start, { module: target.title });
      link.href = target.href;
      box.setAttribute("data-course-continue", target.id);
    } else if (state.complete) {
      link.textContent = t.progress_done;
      link.href = "#course-certificate";
      box.setAttribute("data-course-continue", "");
    }
  };

  P.renderCertificate = function (state) {
    var root = this.root, t = this.t, area = $(root, "[data-course-certificate-area]");
    if (!area) return;
    var form = $(area, "[data-course-certificate-form]"), input = $(form, "[data-course-learner-name]");
    $(area, "[data-course-certificate-status]").textContent = state.complete ? t.certificate_ready :
      C.format(t.certificate_locked, { passed: num(state.passed), total: num(state.total) });
    form.hidden = !state.complete;
    if (state.complete && !input.value && state.name && document.activeElement !== input) input.value = state.name;
    var name = state.complete ? (this.shownName || state.name) : "";
    if (name) this.drawCertificate(state, name);
    else {
      $(area, "[data-course-certificate]").hidden = true;
      $(area, "[data-course-certificate-actions]").hidden = true;
    }
  };

  P.certificateData = function (state, name) {
    return {
      name: name, date: state.date, version: state.earned, current: this.payload.version,
      id: C.certificateId(this.course, state.earned, name, state.attemptIds),
      modules: state.required.map(function (x) {
        return { quiz: x.module.quiz, title: x.module.title, score: x.s.best.score, date: x.s.first.finished };
      }).concat(state.readings.map(function (x) {
        return { page: x.reading.page, title: x.reading.title, score: null, date: x.read.read };
      })).concat(state.todo.map(function (x) {
        return { activity: x.activity.id, title: x.activity.title, score: null, date: x.done };
      }))
    };
  };

  P.drawCertificate = function (state, name) {
    var area = $(this.root, "[data-course-certificate-area]");
    C.drawCertificate($(area, "[data-course-certificate]"), this.certificateData(state, name), this.t);
    $(area, "[data-course-certificate-actions]").hidden = false;
  };

  P.announce = function (message) {
    var live = $(this.root, "[data-course-progress-live]");
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  };

  // -- events --------------------------------------------------------------------

  P.wire = function () {
    var self = this, root = this.root;
    root.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (!target) return;
      if (target.hasAttribute("data-course-clear")) {
        var item = target.closest("[data-course-module],[data-course-page]");
        if (item.hasAttribute("data-course-page")) self.clearReading(item.getAttribute("data-course-page"));
        else self.clear(item.getAttribute("data-course-module"));
      } else if (target.hasAttribute("data-course-import-button")) $(root, "[data-course-import]").click();
      else if (target.hasAttribute("data-course-print")) window.print();
      else if (target.hasAttribute("data-course-export")) self.download("progress", self.exportData());
      else if (target.hasAttribute("data-course-download-record")) self.download("completion-record", self.record());
    });
    var form = $(root, "[data-course-certificate-form]");
    if (form) form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.showCertificate();
    });
    var file = $(root, "[data-course-import]");
    if (file) file.addEventListener("change", function () {
      if (!file.files || !file.files[0]) return;
      self.importFile(file.files[0]).then(function () { file.value = ""; });
    });
  };

  P.showCertificate = function () {
    var root = this.root, input = $(root, "[data-course-learner-name]"), error = $(root, "[data-course-name-error]");
    var name = C.normaliseName(input.value), state = this.current;
    error.hidden = !!name;
    error.textContent = name ? "" : this.t.certificate_name_missing;
    if (!name) {
      input.focus();
      return;
    }
    if (!state || !state.complete) return;
    input.value = name;
    this.shownName = name;
    try {
      window.localStorage.setItem(this.key("learner"), JSON.stringify({ schema: SCHEMA, name: name }));
    } catch (e) { /* the certificate still shows; the name is not kept */ }
    state.name = name;
    this.drawCertificate(state, name);
    this.announce(this.t.certificate_shown);
  };

  P.clear = function (quiz) {
    var module = this.payload.modules.filter(function (m) { return m.quiz === quiz; })[0];
    if (module) this.remove(this.key(quiz), module.title, "course-module-" + quiz);
  };

  P.clearReading = function (page) {
    var reading = (this.payload.readings || []).filter(function (r) { return r.page === page; })[0];
    if (reading) this.remove(C.readKey(this.course, page), reading.title, "course-page-" + page);
  };

  // Remove one key after the learner confirms, naming the module.
  P.remove = function (key, title, focus) {
    if (!window.confirm(C.format(this.t.progress_clear_confirm, { module: title }))) return;
    var message;
    try {
      window.localStorage.removeItem(key);
      message = C.format(this.t.progress_cleared, { module: title });
    } catch (e) {
      message = C.format(this.t.progress_clear_failed, { module: title });
    }
    this.shownName = "";
    this.render();
    var link = document.getElementById(focus);
    if (link) link.focus();
    this.announce(message);
  };

})(window.mkdocsCourse = window.mkdocsCourse || {});
