/* An action plan: rows of fields the learner fills in. The text is saved
   as it is typed (a moment after the last key, and at once on leaving a
   field or the page) under mkdocs-course/<course>/activity/<id>, by row and
   field id; when it cannot be saved the learner is told. Text is only ever
   a value or textContent. Row and field ids may be built-in names
   ("constructor", "toString"): looked up with C.get, never as plain
   properties. */
(function (C) {
  "use strict";

  var WAIT = 400;

  C.readPlan = function (data) {
    var saved = C.savedPlan(data);
    return { schema: 1, kind: "action-plan", rows: saved.rows, updated: saved.updated };
  };

  C.ActionPlan = function (root) {
    var p = this.p = C.activityPayload(root), self = this;
    this.root = root;
    this.t = p.strings;
    this.key = "activity/" + p.activity;
    this.state = C.readPlan(C.readItem(p.course, this.key));
    this.status = root.querySelector("[data-course-storage-status]");
    this.saved = root.querySelector("[data-course-saved]");
    this.inputs().forEach(function (input) {
      var value = C.get(C.get(self.state.rows, self.rowOf(input)), input.getAttribute("data-course-field"));
      if (value !== undefined) input.value = value;
      self.copy(input);
      input.addEventListener("input", function () { self.changed(input); });
      input.addEventListener("change", function () { self.changed(input); self.saveNow(); });
      input.addEventListener("blur", function () { self.saveNow(); });
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-course-download]"), function (button) {
      button.addEventListener("click", function () { self.download(button.getAttribute("data-course-download")); });
    });
    root.querySelector("[data-course-print]").addEventListener("click", function () { C.printActivity(root); });
    this.showNext(null);
  };

  // Under the plan once it counts as done (journey.js), the next step.
  C.ActionPlan.prototype.showNext = function (before) {
    var plan = { kind: "action-plan", fields: this.p.fields.map(function (f) { return f.id; }) };
    C.showActivityNext(this.root, this.p.activity, !!C.activityDone(plan, this.state), before);
  };

  C.ActionPlan.prototype.inputs = function () {
    return Array.prototype.slice.call(this.root.querySelectorAll("[data-course-field]"));
  };
  C.ActionPlan.prototype.rowOf = function (input) {
    return input.closest("[data-course-row]").getAttribute("data-course-row");
  };
  // The printed copy of a field: a textarea would clip long text on paper.
  C.ActionPlan.prototype.copy = function (input) {
    input.parentNode.querySelector("[data-course-print-copy]").textContent = input.value;
  };

  C.ActionPlan.prototype.changed = function (input) {
    var row = this.rowOf(input), self = this, fields = C.get(this.state.rows, row);
    if (!fields) fields = this.state.rows[row] = Object.create(null);
    fields[input.getAttribute("data-course-field")] = input.value;
    this.copy(input);
    clearTimeout(this.timer);
    this.pending = true;
    this.timer = setTimeout(function () { self.saveNow(); }, WAIT);
  };

  C.ActionPlan.prototype.saveNow = function () {
    clearTimeout(this.timer);
    if (!this.pending) return;
    this.pending = false;
    this.state.updated = new Date().toISOString();
    var before = C.activityJourney();
    var ok = C.writeItem(this.p.course, this.key, this.state);
    // a required activity may finish a module: the progress line and header follow (nav.js)
    if (ok && C.refreshCourse) C.refreshCourse();
    C.showStorage(this.status, ok ? "" : this.t.activity_not_saved);
    this.saved.textContent = ok ? this.t.activity_saved : "";
    this.root.setAttribute("data-course-saved-state", ok ? "saved" : "not-saved");
    this.showNext(before);
  };

  C.ActionPlan.prototype.table = function () {
    var p = this.p, rows = this.state.rows, t = this.t;
    return p.rows.map(function (row, i) {
      var label = row.label || C.format(t.activity_row, { number: C.num(i + 1) });
      return [label].concat(p.fields.map(function (f) { return C.get(C.get(rows, row.id), f.id) || ""; }));
    });
  };

  // A spreadsheet cell never starts a formula: = + - @ (and tab, CR) get a quote before them.
  C.csvCell = function (value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  };

  C.ActionPlan.prototype.file = function (format) {
    var p = this.p, head = [""].concat(p.fields.map(function (f) { return f.label; })), rows = this.table();
    if (format === "csv") {
      return "\ufeff" + [head].concat(rows).map(function (r) { return r.map(C.csvCell).join(","); }).join("\r\n") + "\r\n";
    }
    var out = [p.title, ""];
    rows.forEach(function (r) {
      out.push(r[0]);
      p.fields.forEach(function (f, i) { out.push("  " + f.label + ": " + r[i + 1].replace(/\n/g, "\n    ")); });
      out.push("");
    });
    return "\ufeff" + out.join("\r\n");
  };

  C.ActionPlan.prototype.download = function (format) {
    this.saveNow();
    var type = format === "csv" ? "text/csv;charset=utf-8" : "text/plain;charset=utf-8";
    var url = URL.createObjectURL(new Blob([this.file(format)], { type: type }));
    var link = C.el("a");
    link.href = url;
    link.download = this.p.activity + "." + format;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
