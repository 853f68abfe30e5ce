/* The trainer dashboard's tables: files read, learners, completion and
   score bands per module, the questions most learners get wrong. Built
   with C.el, so every name, title and file name is text only. Group
   figures leave out records found tampered. */
(function (C) {
  "use strict";

  var D = C.Dashboard.prototype;

  function $(root, selector) { return root.querySelector(selector); }

  function table(head, rows) {
    var t = C.el("table", "course-dashboard__table"), thead = C.el("thead"), tr = C.el("tr"), body = C.el("tbody");
    head.forEach(function (h) { tr.appendChild(C.el("th", "", h)).setAttribute("scope", "col"); });
    thead.appendChild(tr);
    t.appendChild(thead);
    rows.forEach(function (cells) {
      var row = C.el("tr");
      cells.forEach(function (c, i) {
        var node = C.el(i ? "td" : "th", "", typeof c === "string" && i ? c : undefined);
        if (!i) node.setAttribute("scope", "row");
        // a name or title keeps its own direction inside a page of the other
        if (typeof c === "string" && !i) node.appendChild(C.el("bdi", "", c));
        if (typeof c !== "string") node.appendChild(c);
        row.appendChild(node);
      });
      body.appendChild(row);
    });
    t.appendChild(body);
    return t;
  }

  function fill(root, hook, content) {
    var box = $(root, "[data-course-dashboard-" + hook + "]");
    box.textContent = "";
    if (content) box.appendChild(content);
  }

  D.status = function (member) {
    var t = this.t;
    if (member.result === "valid") return t.dashboard_verified_yes;
    if (member.result === "tampered") return C.format(t.dashboard_verified_tampered, { checks: this.checkNames(member) });
    if (member.result === "unknown-version") return t.dashboard_verified_unknown;
    return t.dashboard_verified_none;
  };

  D.render = function () {
    var t = this.t, root = this.root, group = this.group(), self = this;
    var files = C.el("ul");
    this.files.forEach(function (f) {
      var li = C.el("li");
      li.appendChild(C.el("bdi", "", f.name));
      li.appendChild(document.createTextNode(" \u2014 " + f.text));
      li.setAttribute("data-course-dashboard-file", f.outcome);
      files.appendChild(li);
    });
    fill(root, "files", this.files.length ? files : null);
    var counted = group.filter(function (m) { return m.result !== "tampered"; });
    $(root, "[data-course-dashboard-summary]").textContent = group.length ? C.format(t.dashboard_summary, {
      learners: C.num(group.length), verified: C.num(group.filter(function (m) { return m.result === "valid"; }).length)
    }) : t.dashboard_empty;
    $(root, "[data-course-dashboard-export]").disabled = !group.length;

    fill(root, "learners", group.length ? table(
      [t.dashboard_col_learner, t.dashboard_col_language, t.dashboard_col_passed, t.dashboard_col_activities, t.dashboard_col_verified],
      group.map(function (m) {
        var rows = self.rows(m);
        // what completion counts: required quizzes passed, required activities done
        var quizzes = rows.filter(function (r) { return r.required; }), activities = rows.filter(function (r) { return r.activity; });
        function share(list, status) {
          if (!list.length) return "\u2014";
          return C.format(t.dashboard_of, { count: C.num(list.filter(function (r) { return r.status === status; }).length), total: C.num(list.length) });
        }
        return [m.record.data.learner.name || t.dashboard_no_name, String(m.record.data.lang || ""),
          share(quizzes, "passed"), share(activities, "done"), self.status(m)];
      })) : null);

    var modules = [], byQuiz = {};
    counted.forEach(function (m) {
      self.rows(m).forEach(function (r) {
        if (!r.quiz) return;  // a required activity: in the learners' table
        var mod = byQuiz[r.quiz];
        if (!mod) modules.push(mod = byQuiz[r.quiz] = { title: r.module, learners: 0, passed: 0, bands: C.dashboardBands.map(function () { return 0; }), none: 0 });
        mod.learners++;
        if (r.status === "passed") mod.passed++;
        if (r.best_score === "") mod.none++;
        else C.dashboardBands.forEach(function (b, i) { if (+r.best_score >= b[0] && (+r.best_score < b[1] + 1)) mod.bands[i]++; });
      });
    });
    fill(root, "modules", modules.length ? table(
      [t.dashboard_col_module, t.dashboard_col_completed].concat(C.dashboardBands.map(function (b) {
        return C.format(t.dashboard_band, { low: C.num(b[0]), high: C.num(b[1]) });
      }), [t.dashboard_col_no_score]),
      modules.map(function (mod) {
        return [mod.title, C.format(t.dashboard_of, { count: C.num(mod.passed), total: C.num(mod.learners) })]
          .concat(mod.bands.map(C.num), [C.num(mod.none)]);
      })) : null);

    var items = this.items();
    fill(root, "items", items.length ? table(
      [t.dashboard_col_question, t.dashboard_col_right, t.dashboard_col_wrong],
      items.map(function (it) {
        var options = it.text.options || {}, wrong = C.el("ul");
        Object.keys(it.wrong).sort(function (a, b) { return it.wrong[b] - it.wrong[a]; }).forEach(function (o) {
          wrong.appendChild(C.el("li", "", C.format(t.dashboard_wrong_choice, { choice: options[o] || o, count: C.num(it.wrong[o]) })));
        });
        return [(it.text.prompt || it.question) + " (" + it.quiz + " / " + it.question + ")",
          C.format(t.dashboard_right_share, { count: C.num(it.right), total: C.num(it.learners), percent: C.num(Math.round(100 * it.right / it.learners)) }),
          wrong];
      })) : C.el("p", "", t.dashboard_items_none));
  };

  function start() {
    var root = document.querySelector("[data-course-dashboard]");
    if (root && !root.mkdocsCourseDashboard) root.mkdocsCourseDashboard = new C.Dashboard(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window.mkdocsCourse = window.mkdocsCourse || {});
