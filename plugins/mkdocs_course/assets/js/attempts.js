/* Saved attempts: the one rule for what a saved attempt may hold, shared by
   the quiz page (storage.js), the progress page (progress.js, progress-files.js)
   and the navigation marks (nav.js), so all three agree on what counts. It is
   the schema's $defs/attempt (progress/completion-record.schema.json), closed
   and bounded: a field the schema does not name, a wrong type, a number that
   is not finite or out of range, or a list or text past its limit makes the
   attempt damaged. Ids may be any name ("constructor", "__proto__"):
   nothing here or in the modules using it looks an id up in a plain object
   without checking that the object has it as its own. */
(function (C) {
  "use strict";

  var has = Object.prototype.hasOwnProperty;
  var ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
  // RFC 3339 date-time, as Date.prototype.toISOString writes it
  var TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;
  var LIMIT = C.attemptLimits = { list: 1000, text: 5000, token: 64, attemptId: 100, version: 64, lang: 35 };

  C.own = function (object, key) { return object !== null && object !== undefined && has.call(object, key); };
  // object[key] if the object has it as its own, else undefined
  C.get = function (object, key) { return C.own(object, key) ? object[key] : undefined; };

  var object = C.isObject = function (v) { return !!v && typeof v === "object" && !Array.isArray(v); };
  // at most `max` characters, counted as the schema counts them (code points)
  function text(max) {
    return function (v) { return typeof v === "string" && (v.length <= max || Array.from(v).length <= max); };
  }
  function id(v) { return typeof v === "string" && ID.test(v); }
  var time = C.isTime = function (v) { return typeof v === "string" && TIME.test(v); };
  function orNull(test) { return function (v) { return v === null || test(v); }; }
  function range(max) { return function (v) { return typeof v === "number" && isFinite(v) && v >= 0 && v <= max; }; }
  function ids(v) {
    return Array.isArray(v) && v.length <= LIMIT.list && v.every(id) && new Set(v).size === v.length;
  }
  // An object whose keys are ids and whose values pass `test`.
  function byId(test) {
    return function (v) {
      if (!object(v)) return false;
      var keys = Object.keys(v);
      return keys.length <= LIMIT.list && keys.every(function (k) { return ID.test(k) && test(v[k]); });
    };
  }
  // What one question's answer may be: an option id, option ids, true/false,
  // the text typed, or {pair id: choice token}; null when nothing is chosen.
  var answer = function (v) {
    return v === null || typeof v === "boolean" || text(LIMIT.text)(v) || ids(v) ||
      byId(text(LIMIT.token))(v);
  };

  var FIELDS = {
    id: function (v) { return typeof v === "string" && v.length > 0 && v.length <= LIMIT.attemptId; },
    quiz: id, version: text(LIMIT.version), lang: text(LIMIT.lang),
    started: time, finished: orNull(time),
    questions: ids, orders: byId(ids), answers: byId(answer), scores: byId(range(1)),
    score: orNull(range(100)), right: orNull(function (v) { return range(LIMIT.list)(v) && v % 1 === 0; }),
    passed: orNull(function (v) { return typeof v === "boolean"; }),
    abandoned: function (v) { return typeof v === "boolean"; }
  };

  // A finished attempt has its time, its score and its verdict.
  C.validAttempt = function (a, quiz) {
    return object(a) && C.own(a, "id") && Object.keys(a).every(function (k) {
      return has.call(FIELDS, k) && FIELDS[k](a[k]);
    }) && (a.quiz === undefined || a.quiz === quiz) &&
      (a.finished == null || (typeof a.score === "number" && typeof a.passed === "boolean"));
  };

  C.isFinished = function (a) { return a.finished != null; };
  C.isPassed = function (a) { return a.finished != null && a.passed === true; };

  // What one quiz's saved text holds that can be trusted: {attempts, current,
  // damaged}; `damaged` is "all" when nothing could be read, "attempts" or
  // "current" when that part was left out ("attempts current" for both).
  C.readSaved = function (raw, quiz) {
    var out = { attempts: [], current: null, damaged: "" }, data;
    if (raw === null || raw === undefined) return out;
    try { data = JSON.parse(raw); } catch (e) { data = undefined; }
    if (!object(data) || !Array.isArray(data.attempts) || (data.schema !== undefined && data.schema !== 1)) {
      out.damaged = "all";
      return out;
    }
    var bad = [];
    data.attempts.forEach(function (a) {
      if (C.validAttempt(a, quiz)) out.attempts.push(a);
      else if (bad.indexOf("attempts") < 0) bad.push("attempts");
    });
    if (data.current != null) {
      if (C.validAttempt(data.current, quiz)) out.current = data.current;
      else bad.push("current");
    }
    out.damaged = bad.join(" ");
    return out;
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
