/* What a saved activity may hold: the one rule shared by the activity's page
   (activity-assessment.js, activity-plan.js) and the progress page, which
   puts each activity in the completion record. It is the record schema's
   $defs/activity (progress/completion-record.schema.json): ids as ids, dates
   as dates, percentages from 0 to 100, texts and lists bounded; whatever else
   is dropped. Ids may be any name the build accepts ("constructor",
   "toString"): the objects made here have no prototype, and readers look
   ids up with C.get, never as plain properties. */
(function (C) {
  "use strict";

  var ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
  var LIMIT = C.activityLimits = { results: 20, text: 20000, ids: 1000, version: 64 };

  function idKeys(v, test) {
    var out = Object.create(null);
    if (!C.isObject(v)) return out;
    Object.keys(v).slice(0, LIMIT.ids).forEach(function (k) {
      if (ID.test(k) && test(v[k])) out[k] = v[k];
    });
    return out;
  }
  function isId(v) { return typeof v === "string" && ID.test(v); }
  function isPercent(v) { return typeof v === "number" && isFinite(v) && v >= 0 && v <= 100; }
  function isText(v) { return typeof v === "string" && v.length <= LIMIT.text; }

  // {answers: {item: point}, results: [{date, version, answers, areas: {area: %}}]}
  C.savedAssessment = function (data) {
    var results = (data && Array.isArray(data.results) ? data.results : []).filter(function (r) {
      return C.isObject(r) && C.isTime(r.date);
    }).slice(-LIMIT.results).map(function (r) {
      return {
        date: r.date, version: typeof r.version === "string" ? r.version.slice(0, LIMIT.version) : "",
        answers: idKeys(r.answers, isId), areas: idKeys(r.areas, isPercent)
      };
    });
    return { answers: idKeys(data && data.answers, isId), results: results };
  };

  // {rows: {row: {field: text}}, updated}
  C.savedPlan = function (data) {
    var rows = idKeys(data && data.rows, C.isObject);
    Object.keys(rows).forEach(function (row) { rows[row] = idKeys(rows[row], isText); });
    return { rows: rows, updated: data && C.isTime(data.updated) ? data.updated : null };
  };

  // Two saved copies of one activity as one, nothing either holds lost: an
  // action plan's rows and fields from both, `first`'s text where both have
  // some; a self-assessment's results from both (each date once, oldest
  // first), `first`'s answers when it has any. The progress file's import
  // puts the device's copy first, SCORM's resume the copy changed last.
  C.mergeActivity = function (first, second) {
    var kind = (C.isObject(first) && first.kind) || (C.isObject(second) && second.kind);
    if (kind === "action-plan") {
      var a = C.savedPlan(first), b = C.savedPlan(second), rows = a.rows;
      Object.keys(b.rows).forEach(function (row) {
        var fields = C.get(rows, row) || (rows[row] = Object.create(null));
        Object.keys(b.rows[row]).forEach(function (f) { if (!C.get(fields, f)) fields[f] = b.rows[row][f]; });
      });
      return { schema: 1, kind: kind, rows: rows, updated: a.updated || b.updated };
    }
    var x = C.savedAssessment(first), y = C.savedAssessment(second), byDate = new Map();
    x.results.concat(y.results).forEach(function (r) { if (!byDate.has(r.date)) byDate.set(r.date, r); });
    var results = Array.from(byDate.values()).sort(function (p, q) { return p.date.localeCompare(q.date); });
    var version = [first, second].map(function (c) { return C.isObject(c) && isId(c.version) ? c.version : ""; });
    return { schema: 1, kind: "self-assessment", version: version[0] || version[1],
      answers: Object.keys(x.answers).length ? x.answers : y.answers, results: results.slice(-LIMIT.results) };
  };

  // One entry of the record's `activities`: `meta` is what the course says
  // of it ({id, kind, title, version, required}), or {id} for one it no longer has.
  C.activityRecord = function (meta, data) {
    var kind = meta.kind || (data && data.kind === "action-plan" ? "action-plan" : "self-assessment");
    var entry = { id: meta.id, kind: kind, title: meta.title || null, version: meta.version || null };
    // whether the course requires it (required_activities); absent in older records
    if (typeof meta.required === "boolean") entry.required = meta.required;
    if (kind === "action-plan") {
      var plan = C.savedPlan(data);
      entry.rows = plan.rows;
      entry.updated = plan.updated;
    } else {
      entry.results = C.savedAssessment(data).results;
    }
    return entry;
  };

  // Whether an entry read from a file is one C.activityRecord could have made.
  C.validActivityRecord = function (v) {
    if (!C.isObject(v) || !isId(v.id) || (v.kind !== "self-assessment" && v.kind !== "action-plan")) return false;
    var again = C.activityRecord({ id: v.id, kind: v.kind, title: v.title, version: v.version, required: v.required }, v);
    return JSON.stringify(again) === JSON.stringify(v);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
