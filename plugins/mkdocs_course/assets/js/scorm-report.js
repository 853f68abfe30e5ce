/* SCORM: what the LMS is told, computed from the saved attempts by the
   rules of the progress page (docs/progress.md), for SCORM 1.2 or 2004.
   Pure functions: no LMS, no DOM. See docs/lms.md for the definitions. */
(function (C) {
  "use strict";

  var S = C.scorm = C.scorm || {};
  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  var TYPES = { single: "choice", multiple: "choice", true_false: "true-false", fill_blank: "fill-in",
    numeric: "numeric", matching: "matching", ordering: "sequencing" };

  function finished(a) { return !!a && !!a.finished && typeof a.score === "number"; }
  function round(n, places) { var f = Math.pow(10, places); return Math.round(n * f) / f; }

  // One quiz: {passed, tried (a finished attempt), started (any answer), best}.
  S.quizState = function (data) {
    var attempts = (data && data.attempts) || [], current = data && data.current, best = null, passed = false;
    attempts.filter(finished).forEach(function (a) {
      if (!best || a.score > best.score) best = a;
      if (a.passed === true) passed = true;
    });
    var answered = !!current && !!current.answers && Object.keys(current.answers).length > 0;
    return { passed: passed, tried: !!best, started: !!best || answered || attempts.length > 0, best: best };
  };

  // The course by the progress page's rule (docs/progress.md): it is
  // complete when every required quiz is passed, every page to read is read
  // and every required activity is done, read from `storage` by journey.js
  // (C.readMark, C.readActivity, C.activityDone). Success and the score are
  // the required quizzes' alone.
  S.courseState = function (course, stored, storage) {
    var required = course.modules.filter(function (m) { return m.required; });
    var quizzes = required.map(function (m) { return { module: m, s: S.quizState(stored[m.quiz]) }; });
    var passed = quizzes.filter(function (x) { return x.s.passed; }).length;
    var tried = quizzes.filter(function (x) { return x.s.tried; }).length;
    var pages = (course.readings || []).map(function (page) {
      return { page: page, read: storage ? C.readMark(storage, course.id, page) : null };
    });
    var activities = (course.activities || []).map(function (a) {
      var saved = storage ? C.readActivity(storage, course.id, a.id) : null;
      return { activity: a, saved: C.isObject(saved), done: C.activityDone(a, saved) };
    });
    var read = pages.filter(function (x) { return x.read; }).length;
    var did = activities.filter(function (x) { return x.done; }).length;
    var total = required.length + pages.length + activities.length, done = passed + read + did;
    var sum = 0;
    quizzes.forEach(function (x) { sum += x.s.best ? x.s.best.score : 0; });
    var started = read > 0 || activities.some(function (x) { return x.saved; }) ||
      course.modules.some(function (m) { return S.quizState(stored[m.quiz]).started; });
    return {
      quizzes: quizzes, pages: pages, activities: activities, passed: passed, tried: tried, total: total, done: done,
      started: started,
      complete: total > 0 && done === total,
      // success: the required quizzes only
      succeeded: required.length > 0 && passed === required.length,
      failed: required.length > 0 && tried === required.length && passed < required.length,
      // the mean of the required quizzes' best scores, a quiz not finished yet counting 0
      score: tried ? round(sum / required.length, 2) : null,
      progress: total ? round(done / total, 4) : 0
    };
  };

  // The values to set, {element: value}, for a version's data model.
  S.values = function (version, course, state) {
    var v = {}, is12 = version === "1.2";
    if (is12) {
      // one status for both: passed once everything is done and there were
      // quizzes to pass, completed when there were none
      v["cmi.core.lesson_status"] = state.complete ? (state.quizzes.length ? "passed" : "completed") :
        state.failed ? "failed" : "incomplete";
    } else {
      v["cmi.completion_status"] = state.complete ? "completed" : "incomplete";
      v["cmi.success_status"] = state.succeeded ? "passed" : state.failed ? "failed" : "unknown";
      v["cmi.progress_measure"] = String(state.progress);
    }
    if (state.score !== null) {
      var score = is12 ? "cmi.core.score." : "cmi.score.";
      v[score + "min"] = "0";
      v[score + "max"] = "100";
      v[score + "raw"] = String(state.score);
      if (!is12) v["cmi.score.scaled"] = String(round(state.score / 100, 4));
    }
    state.quizzes.forEach(function (x, n) {
      var o = "cmi.objectives." + n + ".", s = x.s;
      v[o + "id"] = x.module.quiz;
      if (s.best) {
        if (!is12) v[o + "score.scaled"] = String(round(s.best.score / 100, 4));
        v[o + "score.min"] = "0";
        v[o + "score.max"] = "100";
        v[o + "score.raw"] = String(s.best.score);
      }
      if (is12) v[o + "status"] = s.passed ? "passed" : s.tried ? "failed" : s.started ? "incomplete" : "not attempted";
      else {
        v[o + "success_status"] = s.passed ? "passed" : s.tried ? "failed" : "unknown";
        v[o + "completion_status"] = s.tried ? "completed" : s.started ? "incomplete" : "not attempted";
        v[o + "description"] = S.fit(x.module.title, 250);
      }
    });
    return v;
  };

  // At most `max` characters, whole code points.
  S.fit = function (text, max) {
    var chars = Array.from(String(text));
    return chars.length <= max ? chars.join("") : chars.slice(0, max).join("");
  };

  // -- interactions: one per question of a finished attempt --------------------

  function letters(ids, list) {
    var out = [];
    for (var i = 0; i < ids.length; i++) {
      var at = list.indexOf(ids[i]);
      if (at < 0 || at >= LETTERS.length) return null;
      out.push(LETTERS.charAt(at));
    }
    return out;
  }

  // The learner's response in the version's format (SCORM 1.2: single
  // characters for choices, 2004: the ids themselves), or null.
  S.response = function (version, question, answer) {
    var is12 = version === "1.2", type = question.type, list = question.options || [], sep = is12 ? "," : "[,]";
    if (answer === null || answer === undefined) return null;
    switch (type) {
      case "single":
      case "multiple":
      case "ordering":
        var ids = [].concat(answer).map(String);
        // a set of choices is given in the options' written order
        if (type === "multiple") ids.sort(function (x, y) { return list.indexOf(x) - list.indexOf(y); });
        if (!is12) return ids.join(sep);
        var chosen = letters(ids, list);
        return chosen ? chosen.join(",") : null;
      case "true_false":
        return is12 ? (answer === true ? "t" : "f") : String(answer === true);
      case "fill_blank":
        // 2004 reads "[,]" as a separator and a leading "{" as a language tag
        var typed = String(answer).trim().replace(/\[,\]/g, ",").replace(/^\{/, "(");
        return S.fit(typed, is12 ? 255 : 250);
      case "numeric":
        var n = C.parseNumber ? C.parseNumber(answer) : Number(answer);
        return isNaN(n) ? null : String(n);
      case "matching":
        var pairs = [], choices = question.choices || [];
        for (var i = 0; i < list.length; i++) {
          var pick = Object.prototype.hasOwnProperty.call(answer, list[i]) ? answer[list[i]] : "";
          if (!pick) continue;
          if (!is12) { pairs.push(list[i] + "[.]" + pick); continue; }
          var at = choices.indexOf(pick);
          if (i >= LETTERS.length || at < 0 || at >= LETTERS.length) return null;
          pairs.push(LETTERS.charAt(i) + "." + LETTERS.charAt(at));
        }
        return pairs.join(is12 ? "," : "[,]");
    }
    return null;
  };

  function result(version, score) {
    if (score === 1) return "correct";
    if (score === 0) return version === "1.2" ? "wrong" : "incorrect";
    return String(round(score, 4));
  }

  // SCORM 1.2 CMITime: the time of day, hh:mm:ss, in the learner's zone.
  function clock(iso) {
    var d = new Date(iso);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(d.getHours()) + ":" + two(d.getMinutes()) + ":" + two(d.getSeconds());
  }

  // The interactions of one finished attempt: [{element: value}], in order.
  S.interactions = function (version, module, attempt) {
    var is12 = version === "1.2", out = [];
    (attempt.questions || []).forEach(function (qid) {
      var q = null;
      module.questions.forEach(function (x) { if (x.id === qid) q = x; });
      if (!q || !Object.prototype.hasOwnProperty.call(attempt.scores || {}, qid)) return;
      var v = [], response = S.response(version, q, (attempt.answers || {})[qid]);
      v.push(["id", module.quiz + "." + q.id], ["type", TYPES[q.type]], ["objectives.0.id", module.quiz]);
      v.push(is12 ? ["time", clock(attempt.finished)] : ["timestamp", attempt.finished.slice(0, 19)]);
      v.push(["weighting", "1"]);
      if (response !== null) v.push([is12 ? "student_response" : "learner_response", response]);
      v.push(["result", result(version, attempt.scores[qid])]);
      out.push(v);
    });
    return out;
  };

  // -- time ------------------------------------------------------------------------

  // A session's length: SCORM 1.2 HHHH:MM:SS.SS, 2004 an ISO 8601 duration.
  S.duration = function (version, millis) {
    var cs = Math.max(0, Math.round(millis / 10)), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60;
    var s = (cs % 6000) / 100;
    if (version === "1.2") {
      function pad(n, size) { n = String(n); while (n.length < size) n = "0" + n; return n; }
      var whole = Math.floor(s), frac = Math.round((s - whole) * 100);
      return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad(whole, 2) + "." + pad(frac, 2);
    }
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + round(s, 2) + "S";
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
