/* The "My progress" page's files: export and import of all progress, and
   the completion record a trainer may ask for. Import checks a whole file
   before writing anything, and merges attempts by id through C.Store. */
(function (C) {
  "use strict";

  var F = C.progressFormat, SCHEMA = F.schema, KIND_PROGRESS = F.kindProgress, KIND_RECORD = F.kindRecord;
  var ID = F.id, object = F.object, text = F.text, finished = F.finished, validAttempt = F.validAttempt;
  var num = C.num, P = C.Progress.prototype;

  function $(root, selector) { return root.querySelector(selector); }

  // -- files -------------------------------------------------------------------

  P.download = function (what, data) {
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a"), day = new Date().toISOString().slice(0, 10);
    link.href = URL.createObjectURL(blob);
    link.download = this.course + "-" + what + "-" + day + ".json";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  };

  P.header = function (kind) {
    var p = this.payload;
    return {
      schema: SCHEMA, kind: kind, generator: p.generator,
      course: { id: p.course, title: p.title, version: p.version },
      lang: C.lang() || "", created: new Date().toISOString()
    };
  };

  // Every quiz key of the course, drafts included: all a device holds.
  P.exportData = function () {
    var data = this.header(KIND_PROGRESS), stored = this.readAll() || {}, name = this.learnerName();
    data.learner = name ? { name: name } : null;
    data.quizzes = Object.keys(stored).sort().filter(function (q) { return stored[q]; }).map(function (q) {
      return { id: q, attempts: stored[q].attempts, current: stored[q].current || null };
    });
    return data;
  };

  // What a trainer checks: every attempt with its answers, scores and times.
  P.record = function () {
    var state = this.state(), data = this.header(KIND_RECORD), name = this.shownName || (state && state.name) || "";
    var stored = (state && state.stored) || {}, byQuiz = {};
    data.learner = { name: name || null };
    data.completed = state && state.complete ? state.date : null;
    data.certificate = state && state.complete && name ? {
      id: C.certificateId(this.course, state.earned, name, state.attemptIds),
      course_version: state.earned, attempts: state.attemptIds
    } : null;
    ((state && state.modules) || []).forEach(function (x) {
      byQuiz[x.module.quiz] = {
        id: x.module.quiz, title: x.module.title, version: x.module.version, pass_mark: x.module.passMark,
        required: x.module.required, passed: x.s.status === "passed", best_score: x.s.best ? x.s.best.score : null,
        attempts: x.data ? x.data.attempts : []
      };
    });
    // quizzes no longer in the course keep their attempts too
    Object.keys(stored).sort().forEach(function (q) {
      if (!byQuiz[q] && stored[q]) {
        byQuiz[q] = { id: q, title: null, version: null, pass_mark: null, required: false, passed: stored[q].attempts.some(function (a) { return finished(a) && a.passed === true; }), best_score: null, attempts: stored[q].attempts };
      }
    });
    data.quizzes = Object.keys(byQuiz).map(function (q) { return byQuiz[q]; });
    return data;
  };

  // A progress file or completion record, checked whole before anything is
  // written: {quizzes: [...], learner} or {error: "damaged"|"foreign", course}.
  C.readProgressFile = function (content, course) {
    var data;
    try { data = JSON.parse(content); } catch (e) { return { error: "damaged" }; }
    if (!object(data) || data.schema !== SCHEMA || (data.kind !== KIND_PROGRESS && data.kind !== KIND_RECORD) ||
      !object(data.course) || !text(data.course.id)) return { error: "damaged" };
    if (data.course.id !== course) return { error: "foreign", course: String(data.course.title || data.course.id) };
    if (!Array.isArray(data.quizzes)) return { error: "damaged" };
    var seen = {}, ok = data.quizzes.every(function (q) {
      if (!object(q) || !text(q.id) || !ID.test(q.id) || q.id === "learner" || seen[q.id] || !Array.isArray(q.attempts)) return false;
      seen[q.id] = true;
      return q.attempts.every(function (a) { return validAttempt(a, q.id); }) &&
        (q.current == null || validAttempt(q.current, q.id));
    });
    if (!ok) return { error: "damaged" };
    var learner = object(data.learner) && text(data.learner.name) ? C.normaliseName(data.learner.name) : "";
    return { quizzes: data.quizzes, learner: learner };
  };

  P.importText = function (content) {
    var t = this.t, status = $(this.root, "[data-course-import-status]");
    var file = C.readProgressFile(content, this.course), message, outcome;
    if (file.error === "foreign") {
      message = C.format(t.import_foreign, { course: file.course, title: this.payload.title });
      outcome = "foreign";
    } else if (file.error) {
      message = t.import_damaged;
      outcome = "damaged";
    } else {
      var result = this.merge(file);
      outcome = result.saved === result.total ? "imported" : "storage";
      message = outcome === "imported" ? C.format(t.import_done, { count: num(result.count), "new": num(result.added) }) :
        C.format(t.import_storage, { saved: num(result.saved), total: num(result.total) });
    }
    status.textContent = message;
    status.setAttribute("data-course-import-status", outcome);
    this.render();
  };

  // Merge by attempt id: an attempt already here is kept once; an imported
  // draft that would replace this device's own draft is kept as abandoned.
  P.merge = function (file) {
    var self = this, result = { count: 0, added: 0, saved: 0, total: file.quizzes.length };
    file.quizzes.forEach(function (q) {
      var store = new C.Store(self.course, q.id), local = store.load();
      var known = {};
      local.attempts.forEach(function (a) { known[a.id] = true; });
      var incoming = q.attempts.slice(), current = local.current;
      if (q.current) {
        if (!current) current = q.current;
        else if (current.id !== q.current.id && !known[q.current.id]) {
          incoming.push(Object.assign({}, q.current, { abandoned: true }));
        }
      }
      result.count += q.attempts.length;
      result.added += q.attempts.filter(function (a) { return !known[a.id]; }).length;
      if (store.save({ attempts: C.mergeAttempts(local.attempts, incoming), current: current })) result.saved++;
    });
    if (file.learner && !this.learnerName()) {
      try {
        window.localStorage.setItem(this.key("learner"), JSON.stringify({ schema: SCHEMA, name: file.learner }));
      } catch (e) { /* the name is only a convenience */ }
    }
    return result;
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
