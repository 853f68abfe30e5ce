/* The "My progress" page's files: export and import of all progress, and
   the completion record a trainer may ask for. Import checks a whole file
   before writing anything, and merges attempts by id through C.Store. */
(function (C) {
  "use strict";

  var F = C.progressFormat, SCHEMA = F.schema, FILE_SCHEMA = F.fileSchema, KIND_PROGRESS = F.kindProgress, KIND_RECORD = F.kindRecord;
  var ID = F.id, object = C.isObject, text = F.text;
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
      schema: FILE_SCHEMA, kind: kind, generator: p.generator,
      course: { id: p.course, title: p.title, version: p.version },
      lang: C.lang() || "", created: new Date().toISOString()
    };
  };

  // Every quiz key of the course, drafts included: all a device holds.
  P.exportData = function () {
    var data = this.header(KIND_PROGRESS), stored = this.readAll() || new Map(), name = this.learnerName();
    data.learner = name ? { name: name } : null;
    // what the quiz pages would keep: damaged parts stay set aside
    data.quizzes = Array.from(stored.keys()).sort().filter(function (q) {
      return stored.get(q).attempts.length || stored.get(q).current;
    }).map(function (q) {
      return { id: q, attempts: stored.get(q).attempts, current: stored.get(q).current };
    });
    var marks = this.readMarks();
    data.pages = Array.from(marks.keys()).sort().map(function (id) {
      return { id: id, read: marks.get(id).read, how: marks.get(id).how };
    });
    data.activities = this.activityRecords();
    return data;
  };

  // Every page of this course the learner has read: a Map from page id to
  // its mark (journey.js), damaged marks left out.
  P.readMarks = function () {
    var found = new Map(), start = C.readKey(this.course, ""), storage;
    try { storage = window.localStorage; storage.getItem(start); } catch (e) { return found; }
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i), id = key && key.indexOf(start) === 0 ? key.slice(start.length) : "";
      var mark = ID.test(id) ? C.readMark(storage, this.course, id) : null;
      if (mark) found.set(id, mark);
    }
    return found;
  };

  // What a trainer checks: every attempt with its answers, scores and times.
  P.record = function () {
    var state = this.state(), data = this.header(KIND_RECORD), name = this.shownName || (state && state.name) || "";
    var stored = (state && state.stored) || new Map(), byQuiz = new Map();
    data.learner = { name: name || null };
    data.completed = state && state.complete ? state.date : null;
    data.certificate = state && state.complete && name ? {
      id: C.certificateId(this.course, state.earned, name, state.attemptIds),
      course_version: state.earned, attempts: state.attemptIds
    } : null;
    ((state && state.modules) || []).forEach(function (x) {
      byQuiz.set(x.module.quiz, {
        id: x.module.quiz, title: x.module.title, version: x.module.version, pass_mark: x.module.passMark,
        required: x.module.required, passed: x.s.status === "passed", best_score: x.s.best ? x.s.best.score : null,
        attempts: x.data ? x.data.attempts : []
      });
    });
    // quizzes no longer in the course keep their attempts too
    Array.from(stored.keys()).sort().forEach(function (q) {
      var attempts = stored.get(q).attempts;
      if (!byQuiz.has(q) && attempts.length) {
        byQuiz.set(q, { id: q, title: null, version: null, pass_mark: null, required: false, passed: attempts.some(C.isPassed), best_score: null, attempts: attempts });
      }
    });
    data.quizzes = Array.from(byQuiz.values());
    // the pages to read, then any other page read that is no longer one
    var marks = this.readMarks(), pages = (this.payload.readings || []).map(function (r) {
      var mark = marks.get(r.page);
      marks.delete(r.page);
      return { id: r.page, title: r.title, required: true, read: mark ? mark.read : null, how: mark ? mark.how : null };
    });
    marks.forEach(function (mark, id) { pages.push({ id: id, title: null, required: false, read: mark.read, how: mark.how }); });
    data.pages = pages;
    data.activities = this.activityRecords(true);
    return data;
  };

  // Every activity of the course the learner has worked on, then any saved
  // one the course no longer has (title and version null).
  // The record (`required` true) also lists a required one not yet started.
  P.activityRecords = function (record) {
    var course = this.course, known = new Set(), out = [];
    (this.payload.activities || []).forEach(function (meta) {
      known.add(meta.id);
      var data = C.readItem(course, "activity/" + meta.id);
      if (data || (record && meta.required)) out.push(C.activityRecord(meta, data));
    });
    var start = C.itemKey(course, "activity/"), storage;
    try { storage = window.localStorage; storage.getItem(start); } catch (e) { return out; }
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i), id = key && key.indexOf(start) === 0 ? key.slice(start.length) : "";
      var data = ID.test(id) && !known.has(id) ? C.readItem(course, "activity/" + id) : null;
      if (data) out.push(C.activityRecord({ id: id }, data));
    }
    return out;
  };

  // -- reading a file ------------------------------------------------------------

  // The largest file import reads: far more than a browser's storage holds.
  var MAX_BYTES = C.progressFileLimit = 16 * 1024 * 1024;
  var HEX12 = /^[0-9a-f]{12}$/, CERTIFICATE = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

  function is(value) { return function (v) { return v === value; }; }
  function orNull(test) { return function (v) { return v === null || test(v); }; }
  function matches(pattern) { return function (v) { return text(v) && pattern.test(v); }; }
  function bool(v) { return typeof v === "boolean"; }
  function percent(v) { return typeof v === "number" && isFinite(v) && v >= 0 && v <= 100; }
  function list(test) { return function (v) { return Array.isArray(v) && v.every(test); }; }
  // An object with exactly these fields, each passing its test (in the
  // schemas every field of these objects is required).
  function shape(fields) {
    return function (v) {
      return object(v) && Object.keys(fields).every(function (k) { return C.own(v, k); }) &&
        Object.keys(v).every(function (k) { return C.own(fields, k) && fields[k](v[k]); });
    };
  }
  function attempts(quiz) { return list(function (a) { return C.validAttempt(a, quiz); }); }
  // One entry of `quizzes`; its fields depend on its own id.
  function quiz(fields) {
    return function (q) { return object(q) && text(q.id) && ID.test(q.id) && shape(fields(q.id))(q); };
  }

  var COURSE = shape({ id: matches(ID), title: text, version: matches(HEX12) });
  var HOW = function (v) { return v === "end" || v === "button"; };
  var PAGE_READ = shape({ id: matches(ID), read: C.isTime, how: HOW });
  var PAGE_RECORD = shape({ id: matches(ID), title: orNull(text), required: bool, read: orNull(C.isTime), how: orNull(HOW) });
  // A record of format 2 may also hold `activities` (activity-record.js).
  function withActivities(test) {
    return function (v) {
      if (!object(v) || !C.own(v, "activities")) return test(v);
      var rest = Object.assign({}, v);
      delete rest.activities;
      return test(rest) && list(C.validActivityRecord)(v.activities);
    };
  }
  // progress/progress-export.schema.json and progress/completion-record.schema.json:
  // FORMATS[kind][schema]; schema 2 adds `pages` (reading progress)
  var FORMATS = {};
  FORMATS[KIND_PROGRESS] = {};
  FORMATS[KIND_RECORD] = {};
  FORMATS[KIND_PROGRESS][1] = {
    schema: is(1), kind: is(KIND_PROGRESS), generator: text, course: COURSE, lang: text,
    created: C.isTime, learner: orNull(shape({ name: text })),
    quizzes: list(quiz(function (id) {
      return { id: is(id), attempts: attempts(id), current: orNull(function (a) { return C.validAttempt(a, id); }) };
    }))
  };
  FORMATS[KIND_RECORD][1] = {
    schema: is(1), kind: is(KIND_RECORD), generator: text, course: COURSE, lang: text,
    learner: shape({ name: orNull(text) }), created: C.isTime, completed: orNull(C.isTime),
    certificate: orNull(shape({ id: matches(CERTIFICATE), course_version: matches(HEX12), attempts: list(text) })),
    quizzes: list(quiz(function (id) {
      return {
        id: is(id), title: orNull(text), version: orNull(text), pass_mark: orNull(percent), required: bool,
        passed: bool, best_score: orNull(percent), attempts: attempts(id)
      };
    }))
  };
  FORMATS[KIND_PROGRESS][2] = withActivities(shape(Object.assign({}, FORMATS[KIND_PROGRESS][1], { schema: is(2), pages: list(PAGE_READ) })));
  FORMATS[KIND_RECORD][2] = withActivities(shape(Object.assign({}, FORMATS[KIND_RECORD][1], { schema: is(2), pages: list(PAGE_RECORD) })));
  FORMATS[KIND_PROGRESS][1] = shape(FORMATS[KIND_PROGRESS][1]);
  FORMATS[KIND_RECORD][1] = shape(FORMATS[KIND_RECORD][1]);

  // A progress file or completion record, checked whole against its schema
  // before anything is written: {quizzes: [...], learner} or {error:
  // "too_large"|"damaged"|"foreign", course}. Never throws.
  C.readProgressFile = function (content, course) {
    var data;
    if (typeof content !== "string") return { error: "damaged" };
    if (content.length > MAX_BYTES) return { error: "too_large" };
    try { data = JSON.parse(content); } catch (e) { return { error: "damaged" }; }
    if (!object(data) || (data.schema !== 1 && data.schema !== 2) || !object(data.course) || !text(data.course.id) ||
      !C.own(FORMATS, data.kind)) return { error: "damaged" };
    if (data.course.id !== course) {
      var title = text(data.course.title) ? data.course.title : data.course.id;
      return { error: "foreign", course: title.slice(0, 200) };
    }
    if (!FORMATS[data.kind][data.schema](data)) return { error: "damaged" };
    // one entry per quiz, and none for the learner's name (its own key)
    var ids = data.quizzes.map(function (q) { return q.id; });
    if (new Set(ids).size !== ids.length || ids.indexOf("learner") >= 0) return { error: "damaged" };
    var learner = data.learner && text(data.learner.name) ? C.normaliseName(data.learner.name) : "";
    var pages = (data.pages || []).filter(function (page) { return page.read; });
    if (new Set(pages.map(function (page) { return page.id; })).size !== pages.length) return { error: "damaged" };
    var activities = data.activities || [];
    if (new Set(activities.map(function (a) { return a.id; })).size !== activities.length) return { error: "damaged" };
    return { quizzes: data.quizzes, learner: learner, pages: pages, activities: activities };
  };

  // The file the learner chose: one too large is refused unread, one that
  // cannot be read is damaged.
  P.importFile = function (chosen) {
    var self = this;
    if (chosen.size > MAX_BYTES) return Promise.resolve(this.showImport({ error: "too_large" }));
    return chosen.text().then(function (content) { self.importText(content); }, function () {
      self.showImport({ error: "damaged" });
    });
  };

  P.importText = function (content) { this.showImport(C.readProgressFile(content, this.course)); };

  // Merge what C.readProgressFile read, and tell the learner what happened.
  P.showImport = function (file) {
    var t = this.t, status = $(this.root, "[data-course-import-status]"), message, outcome;
    if (file.error === "foreign") {
      message = C.format(t.import_foreign, { course: file.course, title: this.payload.title });
      outcome = "foreign";
    } else if (file.error === "too_large") {
      message = C.format(t.import_too_large, { limit: num(MAX_BYTES / 1024 / 1024), title: this.payload.title });
      outcome = "too_large";
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
      var known = new Set(local.attempts.map(function (a) { return a.id; }));
      var incoming = q.attempts.slice(), current = local.current;
      if (q.current) {
        if (!current) current = q.current;
        else if (current.id !== q.current.id && !known.has(q.current.id)) {
          incoming.push(Object.assign({}, q.current, { abandoned: true }));
        }
      }
      result.count += q.attempts.length;
      result.added += q.attempts.filter(function (a) { return !known.has(a.id); }).length;
      if (store.save({ attempts: C.mergeAttempts(local.attempts, incoming), current: current })) result.saved++;
    });
    // a page read on either device is read; the first time counts
    (file.pages || []).forEach(function (page) {
      try {
        var storage = window.localStorage, mine = C.readMark(storage, self.course, page.id);
        if (!mine || page.read < mine.read) {
          storage.setItem(C.readKey(self.course, page.id), JSON.stringify({ schema: 1, read: page.read, how: page.how }));
        }
      } catch (e) { /* reported with the quizzes: the storage outcome */ }
    });
    (file.activities || []).forEach(function (a) { self.mergeActivity(a); });
    if (file.learner && !this.learnerName()) {
      try {
        window.localStorage.setItem(this.key("learner"), JSON.stringify({ schema: SCHEMA, name: file.learner }));
      } catch (e) { /* the name is only a convenience */ }
    }
    return result;
  };

  // An activity from a file, merged with this device's (C.mergeActivity,
  // the device's text first). Nothing here is removed.
  P.mergeActivity = function (a) {
    var key = "activity/" + a.id;
    // a record lists a required activity not yet started: nothing to bring
    if (a.kind === "action-plan" ? !Object.keys(a.rows).length : !a.results.length) return;
    C.writeItem(this.course, key, C.mergeActivity(C.readItem(this.course, key) || { kind: a.kind }, a));
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
