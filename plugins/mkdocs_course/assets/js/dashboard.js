/* The trainer dashboard (mkdocs-course report --html): reads completion
   records and `mkdocs-course verify --format json` output dropped on the
   page, shows the group, and exports the same CSV as `report --csv`.
   Nothing is sent anywhere and nothing is stored; every text from a file is
   set as text only. It never grades: a record counts as verified when the
   verify output holds the SHA-256 of its exact bytes (trainer/report.py
   makes the same rows). */
(function (C) {
  "use strict";

  var KIND_RECORD = "mkdocs-course/completion-record", KIND_VERIFY = "mkdocs-course/verification";
  var MAX_BYTES = 10 * 1024 * 1024;
  var COLUMNS = ["learner", "language", "module", "quiz", "activity", "status", "best_score", "attempts",
    "first_passed", "details", "verified", "result", "checks", "file"];
  var BANDS = [[0, 19], [20, 39], [40, 59], [60, 79], [80, 100]];

  function $(root, selector) { return root.querySelector(selector); }
  function object(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function finished(a) { return object(a) && !!a.finished && typeof a.score === "number"; }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // SHA-256 of the file's bytes; certificate.js's hash of the text where
  // crypto.subtle is missing (equal for the UTF-8 files browsers download).
  function digest(bytes, text) {
    if (window.crypto && window.crypto.subtle) return window.crypto.subtle.digest("SHA-256", bytes).then(hex);
    return Promise.resolve(C.sha256(text));
  }

  function plausibleRecord(d) {
    // format 1, or 2 (pages to read count towards completion)
    return (d.schema === 1 || d.schema === 2) && object(d.course) && typeof d.course.id === "string" && object(d.learner) &&
      Array.isArray(d.quizzes) && d.quizzes.every(function (q) { return object(q) && typeof q.id === "string" && Array.isArray(q.attempts); });
  }

  C.Dashboard = function (root) {
    this.root = root;
    this.payload = JSON.parse($(root, "[data-course-dashboard-payload]").content.textContent);
    this.t = this.payload.strings;
    this.records = [];  // {name, sha, data, order}
    this.checks = {};  // sha -> verify's entry
    this.questions = {};
    this.files = [];  // {name, outcome, text, order}
    this.wire();
    this.render();
  };

  var D = C.Dashboard.prototype;

  D.wire = function () {
    var self = this, input = $(this.root, "[data-course-dashboard-input]"), zone = $(this.root, "[data-course-dashboard-drop]");
    input.addEventListener("change", function () {
      self.read(Array.prototype.slice.call(input.files || [])).then(function () { input.value = ""; });
    });
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.setAttribute("data-course-dragging", "true");
      });
    });
    zone.addEventListener("dragleave", function () { zone.removeAttribute("data-course-dragging"); });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      zone.removeAttribute("data-course-dragging");
      self.read(Array.prototype.slice.call(event.dataTransfer.files || []));
    });
    $(this.root, "[data-course-dashboard-export]").addEventListener("click", function () { self.exportCsv(); });
  };

  // Files are read at once and finish in any order; rows and the CSV keep the
  // order they were chosen in, whichever read ends first.
  function byOrder(a, b) { return a.order - b.order; }

  D.read = function (files) {
    var self = this, first = this.chosen || 0;
    this.chosen = first + files.length;
    return Promise.all(files.map(function (file, i) { return self.readOne(file, first + i); })).then(function () {
      self.files.sort(byOrder);
      self.records.sort(byOrder);
      self.render();
      var live = $(self.root, "[data-course-dashboard-live]");
      live.textContent = "";
      window.setTimeout(function () {
        live.textContent = C.format(self.t.dashboard_read, { count: C.num(files.length) });
      }, 50);
    });
  };

  D.readOne = function (file, order) {
    var self = this, t = this.t;
    function note(outcome, text) { self.files.push({ name: file.name, outcome: outcome, text: text, order: order }); }
    if (file.size > MAX_BYTES) return Promise.resolve(note("bad", t.dashboard_file_bad));
    return file.arrayBuffer().then(function (bytes) {
      var text, data;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        data = JSON.parse(text);
      } catch (e) {
        return note("bad", t.dashboard_file_bad);
      }
      if (object(data) && data.kind === KIND_VERIFY && Array.isArray(data.records)) {
        data.records.forEach(function (r) { if (object(r) && typeof r.sha256 === "string") self.checks[r.sha256] = r; });
        if (object(data.questions)) Object.assign(self.questions, data.questions);
        return note("verification", t.dashboard_file_verification);
      }
      if (!object(data) || data.kind !== KIND_RECORD || !plausibleRecord(data)) return note("bad", t.dashboard_file_bad);
      return digest(bytes, text).then(function (sha) {
        if (self.records.some(function (r) { return r.sha === sha; })) return note("record", t.dashboard_file_again);
        self.records.push({ name: file.name, sha: sha, data: data, order: order });
        note("record", t.dashboard_file_record);
      });
    });
  };

  // -- the group ------------------------------------------------------------------

  // The course: the one verify checked, else the first record's.
  D.course = function () {
    var self = this, found = null;
    this.records.forEach(function (r) {
      var check = self.checks[r.sha];
      if (!found && check && check.result !== "foreign") found = r.data.course.id;
    });
    return found || (this.records[0] && this.records[0].data.course.id);
  };

  D.group = function () {
    var course = this.course(), self = this;
    return this.records.filter(function (r) { return r.data.course.id === course; }).map(function (r) {
      var check = self.checks[r.sha] || null;
      return { record: r, check: check, result: check ? check.result : "unverified" };
    });
  };

  function number(x) { return String(x); }

  // The checks a record failed, each once, in verify's order.
  D.checkNames = function (member) {
    return member.check ? member.check.problems.map(function (p) { return p.check; }).filter(function (c, i, all) { return all.indexOf(c) === i; }).join(", ") : "";
  };

  // Without verify's output: the activities the record marks required, done
  // by the browser's rule (activities/model.py activity_done, an action plan's
  // fields being those its rows hold, as verify does for an unknown version).
  function ownActivities(data) {
    return (Array.isArray(data.activities) ? data.activities : []).filter(function (a) { return object(a) && a.required === true; }).map(function (a) {
      var done = null;
      if (a.kind === "action-plan") {
        var rows = object(a.rows) ? a.rows : {}, fields = {};
        Object.keys(rows).forEach(function (r) { if (object(rows[r])) Object.keys(rows[r]).forEach(function (f) { fields[f] = true; }); });
        var names = Object.keys(fields), full = names.length && Object.keys(rows).some(function (r) {
          return object(rows[r]) && names.every(function (f) { return typeof rows[r][f] === "string" && rows[r][f].trim() !== ""; });
        });
        done = full ? a.updated || null : null;
      } else if (Array.isArray(a.results) && a.results.length) {
        done = a.results.map(function (r) { return String(object(r) ? r.date : ""); }).sort()[0];
      }
      return { id: String(a.id), kind: a.kind, title: a.title, done: done };
    });
  }

  // A required activity's details, as trainer/report.py activity_details.
  function details(kind, entry) {
    if (kind === "action-plan") {
      var n = object(entry) && object(entry.rows) ? Object.keys(entry.rows).length : 0;
      return "action plan, " + n + " row" + (n === 1 ? "" : "s");
    }
    var results = object(entry) && Array.isArray(entry.results) ? entry.results : [];
    if (!results.length) return "self-assessment, no result yet";
    var areas = object(results[results.length - 1].areas) ? results[results.length - 1].areas : {};
    return "self-assessment: " + Object.keys(areas).map(function (k) { return k + " " + number(areas[k]) + "%"; }).join(", ");
  }

  D.activities = function (member) {
    return member.check && Array.isArray(member.check.activities) ? member.check.activities : ownActivities(member.record.data);
  };

  // One row per learner and module, then per required activity, as trainer/report.py module_rows.
  D.rows = function (member) {
    var data = member.record.data, rows = [];
    var learner = { learner: data.learner.name || "", language: String(data.lang || ""),
      verified: member.result === "valid" ? "yes" : "no", result: member.result, checks: this.checkNames(member), file: member.record.name };
    function row(fields) { return Object.assign({}, learner, fields); }
    data.quizzes.forEach(function (q) {
      if (q.title === null || q.title === undefined) return;
      var done = q.attempts.filter(finished);
      var passes = done.filter(function (a) { return a.passed === true; }).map(function (a) { return String(a.finished); }).sort();
      rows.push(row({
        module: String(q.title), quiz: q.id, activity: "",
        status: q.passed ? "passed" : q.attempts.length ? "in progress" : "not started",
        best_score: typeof q.best_score === "number" ? number(q.best_score) : "",
        attempts: String(done.length), first_passed: passes.length ? passes[0].slice(0, 10) : "", details: "",
        required: q.required === true
      }));
    });
    var entries = {};
    (Array.isArray(data.activities) ? data.activities : []).forEach(function (a) { if (object(a)) entries[a.id] = a; });
    this.activities(member).forEach(function (a) {
      rows.push(row({
        module: String(a.title || a.id), quiz: "", activity: String(a.id), status: a.done ? "done" : "not done",
        best_score: "", attempts: "", first_passed: String(a.done || "").slice(0, 10), details: details(a.kind, entries[a.id])
      }));
    });
    return rows;
  };

  // Control and bidirectional characters written visibly, as trainer/records.py
  // shown does (ZWNJ and ZWJ, which Persian and Indic names need, kept).
  var INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
  function shown(text) {
    return String(text).replace(INVISIBLE, function (ch) {
      if (ch === "\u200c" || ch === "\u200d") return ch;
      var hex = ch.codePointAt(0).toString(16);
      return "\\u" + ("0000" + hex).slice(-Math.max(4, hex.length));
    });
  }

  function cell(text) {
    text = shown(text);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  // The same bytes as `report --csv`: UTF-8 with a byte-order mark, CRLF.
  D.csv = function () {
    var lines = [COLUMNS.map(cell).join(",")];
    this.group().forEach(function (member) {
      this.rows(member).forEach(function (row) { lines.push(COLUMNS.map(function (c) { return cell(row[c]); }).join(",")); });
    }, this);
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  };

  D.exportCsv = function () {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([this.csv()], { type: "text/csv;charset=utf-8" }));
    link.download = (this.course() || "course") + "-group-" + new Date().toISOString().slice(0, 10) + ".csv";
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };

  // Per question, from the valid records verify checked (trainer/report.py item_analysis).
  D.items = function () {
    var items = {}, list = [], questions = this.questions;
    this.group().forEach(function (member) {
      if (member.result !== "valid" || !Array.isArray(member.check.items)) return;
      member.check.items.forEach(function (it) {
        var id = it.quiz + "/" + it.question, item = items[id];
        if (!item) {
          item = items[id] = { quiz: it.quiz, question: it.question, learners: 0, right: 0, wrong: {}, text: questions[id] || {} };
          list.push(item);
        }
        item.learners++;
        if (it.right) item.right++;
        (it.wrong || []).forEach(function (o) { item.wrong[o] = (item.wrong[o] || 0) + 1; });
      });
    });
    function key(i) { return [i.right / i.learners, i.quiz, i.question]; }
    return list.sort(function (a, b) {
      var x = key(a), y = key(b);
      for (var k = 0; k < 3; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
      return 0;
    });
  };

  C.dashboardBands = BANDS;
})(window.mkdocsCourse = window.mkdocsCourse || {});
