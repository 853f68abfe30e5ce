/* A self-assessment: statements answered on the author's scale, a result
   per area (weighted points over the most possible, in %) with the advice
   of its band. Nothing is graded. Saved under
   mkdocs-course/<course>/activity/<id>: the answers being given, and each
   finished result with its date, so a second taking shows "then / now". */
(function (C) {
  "use strict";


  C.activityPayload = function (root) {
    return JSON.parse(root.querySelector("[data-course-payload]").content.textContent);
  };

  // The result of one area in % (activities/model.py's area_result does the same).
  C.areaResult = function (p, area, answers) {
    var got = 0, most = 0;
    area.items.forEach(function (item) {
      var point = C.get(answers, item[0]), points = C.own(p.scale, point) ? p.scale[point] : 0;
      got += item[1] * points;
      most += item[1] * p.top;
    });
    return Math.round(100 * got / most);
  };

  // The saved answers and results (activity-record.js), answers only on this scale.
  C.readAssessment = function (data, p) {
    var saved = C.savedAssessment(data);
    var onScale = function (answers) {
      var out = Object.create(null);
      Object.keys(answers).forEach(function (k) { if (C.own(p.scale, answers[k])) out[k] = answers[k]; });
      return out;
    };
    saved.results.forEach(function (r) { r.answers = onScale(r.answers); });
    return { schema: 1, kind: "self-assessment", version: p.version, answers: onScale(saved.answers), results: saved.results };
  };

  C.SelfAssessment = function (root) {
    var p = this.p = C.activityPayload(root), self = this;
    this.root = root;
    this.t = p.strings;
    this.key = "activity/" + p.activity;
    this.state = C.readAssessment(C.readItem(p.course, this.key), p);
    this.form = root.querySelector("[data-course-assessment]");
    this.results = root.querySelector("[data-course-results]");
    this.live = root.querySelector("[data-course-live]");
    this.status = root.querySelector("[data-course-storage-status]");
    Object.keys(this.state.answers).forEach(function (item) { self.check(item, self.state.answers[item]); });
    this.form.addEventListener("change", function (e) {
      var box = e.target.closest("[data-course-item]");
      if (!box || e.target.type !== "radio") return;
      self.state.answers[box.getAttribute("data-course-item")] = e.target.value;
      self.save();
    });
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.finish(); });
    root.querySelector("[data-course-retake]").addEventListener("click", function () { self.retake(); });
    root.querySelector("[data-course-print]").addEventListener("click", function () { C.printActivity(root); });
    if (this.state.results.length) this.show(false);
  };

  C.SelfAssessment.prototype.check = function (item, point) {
    var box = this.root.querySelector('[data-course-item="' + CSS.escape(item) + '"]');
    var input = box && box.querySelector('input[value="' + CSS.escape(point) + '"]');
    if (input) input.checked = true;
  };

  C.SelfAssessment.prototype.save = function () {
    var ok = C.writeItem(this.p.course, this.key, this.state);
    C.showStorage(this.status, ok ? "" : this.t.activity_not_saved);
    // a required activity may finish a module: the progress line and header follow (nav.js)
    if (ok && C.refreshCourse) C.refreshCourse();
    return ok;
  };

  C.SelfAssessment.prototype.finish = function () {
    var p = this.p, answers = this.state.answers, left = 0;
    p.areas.forEach(function (a) { a.items.forEach(function (i) { if (!C.get(answers, i[0])) left++; }); });
    if (left) {
      this.say(C.format(this.t.activity_unanswered, { count: C.num(left) }));
      var first = this.form.querySelector("[data-course-item] input");
      var open = Array.prototype.find.call(this.form.querySelectorAll("[data-course-item]"), function (box) {
        return !C.get(answers, box.getAttribute("data-course-item"));
      });
      (open ? open.querySelector("input") : first).focus();
      return;
    }
    var areas = Object.create(null);
    p.areas.forEach(function (a) { areas[a.id] = C.areaResult(p, a, answers); });
    this.state.results.push({ date: new Date().toISOString(), version: p.version, answers: Object.assign(Object.create(null), answers), areas: areas });
    this.state.results = this.state.results.slice(-C.activityLimits.results);
    this.state.answers = Object.create(null);
    var before = C.activityJourney();
    this.save();
    this.show(true, before);
  };

  // The latest result ("now") and, when there is one, the one before
  // ("then"), then what to do next (activity-next.js). `before`: the
  // course's state before this result, to say "completed" only then.
  C.SelfAssessment.prototype.show = function (announce, before) {
    var results = this.state.results, now = results[results.length - 1], then = results[results.length - 2], t = this.t;
    this.p.areas.forEach(function (a) {
      var box = this.root.querySelector('[data-course-area-result="' + CSS.escape(a.id) + '"]');
      var percent = C.get(now.areas, a.id), start = 0, earlier = then && C.get(then.areas, a.id);
      box.hidden = percent === undefined;
      if (percent === undefined) return;
      box.querySelector("[data-course-now]").textContent = C.format(t.activity_now, { date: C.date(now.date), percent: C.num(percent) });
      var thenLine = box.querySelector("[data-course-then]");
      thenLine.hidden = earlier === undefined;
      if (!thenLine.hidden) thenLine.textContent = C.format(t.activity_then, { date: C.date(then.date), percent: C.num(earlier) });
      a.bands.forEach(function (b) { if (b <= percent) start = b; });
      Array.prototype.forEach.call(box.querySelectorAll("[data-course-band]"), function (band) {
        band.hidden = Number(band.getAttribute("data-course-band")) !== start;
      });
    }, this);
    this.form.hidden = true;
    this.results.hidden = false;
    this.root.setAttribute("data-course-state", "results");
    C.showActivityNext(this.root, this.p.activity, true, before);
    if (announce) {
      this.say(t.activity_results_ready);
      this.results.focus();
    }
  };

  C.SelfAssessment.prototype.retake = function () {
    Array.prototype.forEach.call(this.form.querySelectorAll("input"), function (input) { input.checked = false; });
    this.state.answers = Object.create(null);
    this.save();
    this.results.hidden = true;
    this.form.hidden = false;
    this.root.setAttribute("data-course-state", "answering");
    this.say(this.t.activity_retake_started);
    this.form.querySelector("input").focus();
  };

  C.SelfAssessment.prototype.say = function (text) {
    var live = this.live;
    live.textContent = "";
    setTimeout(function () { live.textContent = text; }, 50);
  };

  C.showStorage = function (node, message) {
    node.textContent = message;
    node.hidden = !message;
  };

  // Print this activity alone, on its own page (activity.css's print rules).
  C.printActivity = function (root) {
    var html = document.documentElement;
    root.setAttribute("data-course-printing", "");
    html.setAttribute("data-course-print", "");
    var done = function () {
      root.removeAttribute("data-course-printing");
      html.removeAttribute("data-course-print");
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
