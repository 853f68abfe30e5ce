/* SCORM: the learner's saved attempts as the LMS keeps them, in
   cmi.suspend_data (4,096 characters in SCORM 1.2, 64,000 in 2004).

   "mc1" then JSON: {"q": {<quiz key>: item or [item, ...]}, "r": <mark>,
   "p": {<page id>: read mark}, "a": {<activity id>: saved activity}}. A
   quiz key is a short hash of the quiz id (C.scorm.quizKey), so a package
   whose modules were added, removed or reordered still reads what an older
   one saved. An item is one attempt, either
     a summary  "id|score|started before finished (s)|id time - finished (ms) or ISO time|
                 version (when not the quiz's current one)|lang (when not the package's)|
                 passed (1/0, when the score and pass mark do not say it)", empty fields
                 at the end left out (an array of the same fields for an id holding "|")
     or whole   [id, {s: started - id time (ms) or ISO, q: questions, o: orders, a: answers,
                 k: scores (0/1 digits, or by position), f, g: score, p, r: right, v, l, c: 1 if it is the quiz's current attempt,
                 x: 1 if abandoned}]
   with question, option and choice ids written as positions in the build
   manifest's lists (one base-36 digit each) when they are there, and as
   themselves otherwise. "r" is the time (ms, base 36) of the latest
   finished attempt whose interactions the LMS was sent. A read mark (journey.js)
   is "e" (read to its end) or "b" (Mark as done) then the time in ms, base 36
   (or the ISO time when that does not read back exactly). A saved activity
   is its key's value without "schema"; a self-assessment keeps its answers
   and its first and last two results.

   When not everything fits, pack() keeps, in this order: the pages read,
   each quiz's deciding attempt (first pass, else best) as a summary, the
   required activities, the unfinished
   attempts whole (newest first), each quiz's best attempt, the attempt each
   quiz page shows, the other attempts as summaries, then whole (newest
   first), then the other activities. The learner's browser keeps everything
   either way. */
(function (C) {
  "use strict";

  var S = C.scorm = C.scorm || {};
  var PREFIX = "mc1";
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  var TF = ["true", "false"];

  // FNV-1a over the id's characters, as base 36, `size` digits (the export
  // checks that the course's quiz ids give distinct keys).
  S.quizKey = function (id, size) {
    var h = 0x811c9dc5;
    for (var i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    var n = h % Math.pow(36, size || 3), out = "";
    for (var d = 0; d < (size || 3); d++) {
      out = DIGITS.charAt(n % 36) + out;
      n = Math.floor(n / 36);
    }
    return out;
  };

  // The time C.uid() wrote into an id, or NaN.
  function idTime(id) {
    var m = /^([0-9a-z]{6,10})-/.exec(id);
    return m ? parseInt(m[1], 36) : NaN;
  }

  // its own, so the format reads without the rest of the runtime (bench/export_bench.py)
  function object(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function ms(iso) { return Date.parse(iso); }
  function iso(t) { return new Date(t).toISOString(); }

  // A time relative to the id's when that reads back exactly, else the ISO text.
  function relative(id, time) {
    var base = idTime(id), t = ms(time);
    return !isNaN(base) && !isNaN(t) && iso(t) === time ? t - base : time;
  }
  function absolute(id, value) {
    return typeof value === "number" ? iso(idTime(id) + value) : value;
  }

  // -- positions in the manifest's lists ----------------------------------------

  function optionsOf(question) {
    return question.type === "true_false" ? TF : question.options || [];
  }

  // A list of ids as digits of their positions, or the list itself.
  function digits(ids, list) {
    var out = "";
    for (var i = 0; i < ids.length; i++) {
      var at = list.indexOf(ids[i]);
      if (at < 0 || at >= 36) return ids.slice();
      out += DIGITS.charAt(at);
    }
    return out;
  }
  function undigits(value, list) {
    if (typeof value !== "string") return value;
    return value.split("").map(function (d) { return list[DIGITS.indexOf(d)]; });
  }

  function packAnswer(question, answer) {
    var type = question.type, list = optionsOf(question);
    if (answer === null || answer === undefined) return null;
    if (type === "single") return typeof answer === "string" && list.indexOf(answer) >= 0 && list.indexOf(answer) < 36 ?
      DIGITS.charAt(list.indexOf(answer)) : [answer];
    if (type === "multiple" || type === "ordering") {
      var packed = Array.isArray(answer) ? digits(answer, list) : null;
      return typeof packed === "string" ? packed : [answer];
    }
    if (type === "true_false") return answer === true ? 1 : answer === false ? 0 : [answer];
    if (type === "matching" && answer && typeof answer === "object" && !Array.isArray(answer)) {
      var choices = question.choices || [], out = "", keys = Object.keys(answer);
      var whole = keys.every(function (k) { return list.indexOf(k) >= 0; }) && list.length <= 36 && choices.length < 36;
      for (var i = 0; whole && i < list.length; i++) {
        var pick = Object.prototype.hasOwnProperty.call(answer, list[i]) ? answer[list[i]] : null;
        var at = pick === null ? -1 : choices.indexOf(pick);
        if (pick !== null && pick !== "" && at < 0) whole = false;
        out += at < 0 ? (pick === "" ? "." : "_") : DIGITS.charAt(at);
      }
      return whole ? out : [answer];
    }
    return typeof answer === "string" ? answer : [answer];
  }

  function unpackAnswer(question, value) {
    var type = question.type, list = optionsOf(question);
    if (value === null) return null;
    if (Array.isArray(value)) return value[0];
    if (type === "multiple" || type === "ordering") return undigits(value, list);
    if (type === "single") return list[DIGITS.indexOf(value)];
    if (type === "true_false") return value === 1;
    if (type === "matching") {
      var out = {}, choices = question.choices || [];
      list.forEach(function (pid, i) {
        var d = value.charAt(i);
        if (d !== "_") out[pid] = d === "." ? "" : choices[DIGITS.indexOf(d)];
      });
      return out;
    }
    return value;
  }

  // -- one attempt ----------------------------------------------------------------

  function trim(list) {
    while (list.length && list[list.length - 1] === null) list.pop();
    return list;
  }

  S.summary = function (a, module, lang) {
    var passed = module.pass_mark !== undefined && a.version === module.version ? a.score >= module.pass_mark : null;
    var late = relative(a.id, a.finished);
    var fields = trim([a.id, a.score, Math.round((ms(a.finished) - ms(a.started)) / 1000) || 0,
      typeof late === "number" ? -late || null : late,
      a.version === module.version ? null : a.version,
      a.lang === lang ? null : a.lang,
      passed === a.passed ? null : (a.passed ? 1 : 0)]);
    var text = fields.map(function (f) { return f === null ? "" : String(f); });
    return text.join("").indexOf("|") < 0 ? text.join("|") : fields;
  };

  function unpackSummary(item, module, lang) {
    var f = typeof item === "string" ? item.split("|") : item.map(function (x) { return x === null ? "" : String(x); });
    var id = f[0], late = f[3] || "0", score = Number(f[1]);
    var finished = /^-?\d+$/.test(late) ? absolute(id, -Number(late)) : late;
    return {
      id: id, quiz: module.quiz, version: f[4] || module.version, lang: f[5] || lang,
      started: iso(ms(finished) - 1000 * (Number(f[2]) || 0)), finished: finished, score: score,
      passed: f[6] ? f[6] === "1" : score >= module.pass_mark
    };
  }

  S.whole = function (a, module, lang, isCurrent) {
    var qs = module.questions, ids = qs.map(function (q) { return q.id; });
    var f = { s: relative(a.id, a.started), q: digits(a.questions || [], ids), o: {}, a: {}, k: {} };
    Object.keys(a.orders || {}).forEach(function (qid) {
      var i = ids.indexOf(qid), q = qs[i];
      if (i >= 0 && i < 36) f.o[DIGITS.charAt(i)] = digits(a.orders[qid], optionsOf(q));
    });
    Object.keys(a.answers || {}).forEach(function (qid) {
      var i = ids.indexOf(qid);
      if (i >= 0 && i < 36) f.a[DIGITS.charAt(i)] = packAnswer(qs[i], a.answers[qid]);
    });
    var marks = ids.map(function () { return "_"; }), whole = ids.length <= 36;
    Object.keys(a.scores || {}).forEach(function (qid) {
      var i = ids.indexOf(qid), v = a.scores[qid];
      if (i >= 0 && i < 36) f.k[DIGITS.charAt(i)] = v;
      if (i >= 0 && (v === 0 || v === 1)) marks[i] = String(v);
      else whole = false;
    });
    // all 0 or 1 (the usual case): one digit per question, "_" when unchecked
    if (whole) f.k = marks.join("").replace(/_+$/, "");
    if (a.finished) {
      f.f = relative(a.id, a.finished);
      f.g = a.score;
      f.p = a.passed ? 1 : 0;
      if (typeof a.right === "number") f.r = a.right;
    }
    if (a.version !== module.version) f.v = a.version;
    if (a.lang !== lang) f.l = a.lang;
    if (isCurrent) f.c = 1;
    if (a.abandoned) f.x = 1;
    return [a.id, f];
  };

  function marksBack(text, ids) {
    var out = {};
    text.split("").forEach(function (d, i) { if (d !== "_" && ids[i]) out[ids[i]] = +d; });
    return out;
  }

  function unpackItem(item, module, lang) {
    if (typeof item === "string" || typeof item[1] !== "object") {
      return { attempt: unpackSummary(item, module, lang), current: false };
    }
    var id = item[0], f = item[1], a;
    if (f) {
      var qs = module.questions, ids = qs.map(function (q) { return q.id; });
      var back = function (map, fn) {
        var out = {};
        Object.keys(map || {}).forEach(function (d) {
          var q = qs[DIGITS.indexOf(d)];
          if (q) out[q.id] = fn(q, map[d]);
        });
        return out;
      };
      a = {
        id: id, quiz: module.quiz, version: f.v || module.version, lang: f.l || lang,
        started: absolute(id, f.s), finished: f.f === undefined ? null : absolute(id, f.f),
        questions: undigits(f.q, ids),
        orders: back(f.o, function (q, v) { return undigits(v, optionsOf(q)); }),
        answers: back(f.a, unpackAnswer),
        scores: typeof f.k === "string" ? marksBack(f.k, ids) : back(f.k, function (q, v) { return v; }),
        score: f.g === undefined ? null : f.g, passed: f.p === undefined ? null : f.p === 1
      };
      if (f.r !== undefined) a.right = f.r;
      if (f.x) a.abandoned = true;
      return { attempt: a, current: !!f.c };
    }
    return null;
  }

  // -- the whole text -------------------------------------------------------------

  function newestFirst(x, y) { return String(y.finished || y.started).localeCompare(String(x.finished || x.started)); }

  // The candidates, in the order they are kept when space runs out; each
  // {module, key, attempt, kind: "summary"|"whole", upgrade: true when it
  // turns an earlier summary of the same attempt into the whole one}.
  function candidates(course, stored) {
    var first = [], drafts = [], bests = [], shown = [], others = [], wholes = [];
    course.modules.forEach(function (m) {
      var data = stored[m.quiz];
      if (!data) return;
      var done = (data.attempts || []).filter(function (a) { return a.finished && typeof a.score === "number"; });
      var current = data.current, key = S.quizKey(m.quiz, course.keySize);
      var decided = null, best = null, seen = {};
      done.forEach(function (a) {
        if (a.passed === true && (!decided || a.finished < decided.finished)) decided = a;
        if (!best || a.score > best.score) best = a;
      });
      decided = decided || best;
      function add(list, a, kind) {
        var known = seen[a.id];
        if (known === "whole" || (known === "summary" && kind === "summary")) return;
        list.push({ module: m, key: key, attempt: a, kind: kind, upgrade: !!known, current: current && current.id === a.id });
        seen[a.id] = kind;
      }
      if (decided) add(first, decided, "summary");
      if (current && !current.finished && current.answers && Object.keys(current.answers).length) add(drafts, current, "whole");
      (data.attempts || []).forEach(function (a) { if (!a.finished && a.abandoned && current !== a) add(wholes, a, "whole"); });
      if (best) add(bests, best, "summary");
      if (current && current.finished) add(shown, current, "whole");
      done.slice().sort(newestFirst).forEach(function (a) { add(others, a, "summary"); });
      done.slice().sort(newestFirst).forEach(function (a) { add(wholes, a, "whole"); });
    });
    drafts.sort(function (x, y) { return newestFirst(x.attempt, y.attempt); });
    var list = first.concat(drafts, bests, shown, others, wholes);
    list.decided = first.length;
    return list;
  }

  // A quiz's items as written: one summary alone as itself, else a list.
  function entry(group) {
    var items = group.map(function (x) { return x.item; });
    return items.length === 1 && typeof items[0] === "string" ? items[0] : items;
  }

  // -- pages read and activities ---------------------------------------------------

  S.packRead = function (mark) {
    var t = ms(mark.read), how = mark.how === "button" ? "b" : "e";
    return how + (!isNaN(t) && iso(t) === mark.read ? t.toString(36) : mark.read);
  };
  S.unpackRead = function (text) {
    if (typeof text !== "string" || !/^[eb]/.test(text)) return null;
    var rest = text.slice(1), read = /^[0-9a-z]+$/.test(rest) ? iso(parseInt(rest, 36)) : rest;
    var mark = { schema: 1, read: read, how: text.charAt(0) === "b" ? "button" : "end" };
    return C.validRead(mark) ? mark : null;
  };

  // A saved activity as kept: without "schema"; a self-assessment with its
  // answers and its first and last two results (what says it is done, and
  // what its page compares "then / now").
  S.packActivity = function (data) {
    var out = {};
    Object.keys(data).forEach(function (k) { if (k !== "schema") out[k] = data[k]; });
    if (Array.isArray(out.results) && out.results.length > 3) {
      out.results = [out.results[0]].concat(out.results.slice(-2));
    }
    return out;
  };

  // What the course's storage holds besides quizzes: {pages: {id: mark},
  // activities: [{id, data, required}]}, the required activities first.
  S.extras = function (course, storage) {
    var pages = {}, activities = [], seen = Object.create(null);  // ids may be built-in names ("constructor")
    if (!storage) return { pages: pages, activities: activities };
    (course.readings || []).forEach(function (page) {
      var mark = C.readMark(storage, course.id, page);
      if (mark) pages[page] = mark;
    });
    function add(id, required) {
      if (seen[id]) return;
      seen[id] = true;
      var data = C.readActivity(storage, course.id, id);
      if (object(data)) activities.push({ id: id, data: data, required: required });
    }
    (course.activities || []).forEach(function (a) { add(a.id, true); });
    var start = "mkdocs-course/" + course.id + "/activity/";
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && key.indexOf(start) === 0 && /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(key.slice(start.length))) {
        add(key.slice(start.length), false);
      }
    }
    return { pages: pages, activities: activities };
  };

  // {text, kept, dropped, size}: as much as fits in `limit` characters, by
  // the order above. `mark` is the time of the latest reported attempt;
  // `extra` is S.extras(): pages read and activities.
  S.pack = function (course, stored, limit, mark, extra) {
    var groups = {}, order = [], kept = 0, dropped = 0, lang = course.lang;
    var frame = { q: {} }, pages = {}, acts = {}, nActs = 0;
    extra = extra || { pages: {}, activities: [] };
    if (mark) frame.r = Math.floor(mark).toString(36);
    // the exact length as items are added: the frame, then each quiz's
    // "key":entry and the commas between them
    var size = (PREFIX + JSON.stringify(frame)).length;
    var readIds = Object.keys(extra.pages);
    if (readIds.length) {
      readIds.forEach(function (id) { pages[id] = S.packRead(extra.pages[id]); });
      var more = ',"p":'.length + JSON.stringify(pages).length;
      if (size + more <= limit) { size += more; kept += readIds.length; } else { pages = null; dropped += readIds.length; }
    }
    function activity(x) {
      var item = S.packActivity(x.data);
      var more = JSON.stringify(x.id).length + 1 + JSON.stringify(item).length + (nActs ? 1 : ',"a":{}'.length);
      if (size + more > limit) { dropped++; return; }
      acts[x.id] = item;
      nActs++;
      size += more;
      kept++;
    }
    function length(key, group) { return JSON.stringify(key).length + 1 + JSON.stringify(entry(group)).length; }
    var list = candidates(course, stored);
    list.forEach(function (c, n) {
      if (n === list.decided) extra.activities.forEach(function (x) { if (x.required) activity(x); });
      var item = c.kind === "whole" ? S.whole(c.attempt, c.module, lang, c.current) : S.summary(c.attempt, c.module, lang);
      var group = groups[c.key], before = group ? length(c.key, group) : -(order.length ? 1 : 0);
      var next = (group || []).slice(), at = -1;
      if (c.upgrade) {
        next.forEach(function (x, i) { if (x.id === c.attempt.id) at = i; });
        if (at < 0) { dropped++; return; }
        next[at] = { id: c.attempt.id, item: item };
      } else {
        next.push({ id: c.attempt.id, item: item });
      }
      var extraSize = length(c.key, next) - before;
      if (size + extraSize > limit) { dropped++; return; }
      if (!group) order.push(c.key);
      groups[c.key] = next;
      size += extraSize;
      if (!c.upgrade) kept++;
    });
    if (list.decided >= list.length) extra.activities.forEach(function (x) { if (x.required) activity(x); });
    extra.activities.forEach(function (x) { if (!x.required) activity(x); });
    order.forEach(function (key) { frame.q[key] = entry(groups[key]); });
    if (pages && readIds.length) frame.p = pages;
    if (nActs) frame.a = acts;
    var out = PREFIX + JSON.stringify(frame);
    return { text: out, kept: kept, dropped: dropped, size: out.length };
  };

  // {stored: {quiz: {attempts, current}}, mark} from suspend_data, or null
  // when it is empty or not ours (it is then left to the LMS as it is).
  S.unpack = function (course, value) {
    if (typeof value !== "string" || value.indexOf(PREFIX) !== 0) return null;
    var data;
    try { data = JSON.parse(value.slice(PREFIX.length)); } catch (e) { return null; }
    if (!data || typeof data.q !== "object") return null;
    var stored = {};
    course.modules.forEach(function (m) {
      var items = data.q[S.quizKey(m.quiz, course.keySize)];
      if (typeof items === "string") items = [items];
      if (!Array.isArray(items)) return;
      var entry = { attempts: [], current: null };
      items.forEach(function (item) {
        try {
          var got = unpackItem(item, m, course.lang);
          if (got.current) entry.current = got.attempt;
          else entry.attempts.push(got.attempt);
        } catch (e) { /* one unreadable item: the others still count */ }
      });
      if (entry.current && entry.current.finished) entry.attempts.push(entry.current);
      stored[m.quiz] = entry;
    });
    var pages = {}, activities = {};
    if (object(data.p)) {
      Object.keys(data.p).forEach(function (id) {
        var mark = S.unpackRead(data.p[id]);
        if (mark) pages[id] = mark;
      });
    }
    if (object(data.a)) {
      Object.keys(data.a).forEach(function (id) {
        var v = data.a[id];
        if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id) && object(v)) activities[id] = Object.assign({ schema: 1 }, v);
      });
    }
    return { stored: stored, mark: typeof data.r === "string" ? parseInt(data.r, 36) : 0,
      pages: pages, activities: activities };
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
