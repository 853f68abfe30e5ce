/* One quiz on the page: reads answers from native form controls, grades
   them, and keeps the attempt saved after every change. What the learner is
   told (feedback, result, earlier attempts) is in feedback.js. Question and
   option ids may be any name the build accepts ("constructor", "valueOf"):
   they are looked up in Maps, or with C.get, never as plain properties. */
(function (C) {
  "use strict";

  function $(root, selector) { return root.querySelector(selector); }
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  // Whether `list` holds exactly the ids of `all`, in any order.
  function permutation(list, all) {
    return Array.isArray(list) && list.length === all.length && all.every(function (x) { return list.indexOf(x) >= 0; });
  }

  C.Quiz = function (root) {
    var payload = JSON.parse($(root, "[data-course-payload]").content.textContent);
    this.root = root;
    this.payload = payload;
    this.t = payload.strings;
    this.key = C.decodeKey(payload.key, payload.salt);
    this.ids = [];
    this.forms = new Map();
    // each question's options (or pairs, or items) in the order the build wrote them
    this.boxes = new Map();
    $$(root, "[data-course-question]").forEach(function (form) {
      var id = form.getAttribute("data-course-question"), box = $(form, "[data-course-options],[data-course-order]");
      this.ids.push(id);
      this.forms.set(id, form);
      if (box) {
        var items = $$(box, "[data-course-option]");
        this.boxes.set(id, { box: box, items: items, ids: items.map(function (el) { return el.getAttribute("data-course-option"); }) });
      }
    }, this);
    this.store = new C.Store(payload.course, payload.quiz);
    this.state = this.store.load();
    var current = this.state.current;
    if (current && current.version !== payload.version) {
      // Made on an older version of the quiz: keep it, start afresh.
      if (!current.finished) {
        current.abandoned = true;
        this.state.attempts = C.mergeAttempts(this.state.attempts, [current]);
      }
      current = null;
    } else if (current && !this.fits(current)) {
      // Saved for this version but not readable on it: keep it aside, say so.
      this.store.setAside("current");
      current = null;
    }
    this.attempt = current || this.newAttempt();
    this.state.current = this.attempt;
    this.wire();
    this.show();
    this.save();
  };

  var Q = C.Quiz.prototype;

  Q.type = function (id) { return this.forms.get(id).getAttribute("data-question-type"); };

  Q.newAttempt = function () {
    var ids = this.ids, p = this.payload, orders = {};
    var pool = p.draw && p.draw < ids.length ? C.shuffle(ids).slice(0, p.draw) : ids;
    var questions = p.shuffleQuestions ? C.shuffle(pool) : ids.filter(function (id) { return pool.indexOf(id) >= 0; });
    this.boxes.forEach(function (b, id) {
      var order = b.ids.slice();
      if (b.box.hasAttribute("data-course-order")) {
        var right = C.get(this.key, id).order;
        for (var tries = 0; tries < 5 && order.join() === right.join(); tries++) order = C.shuffle(order);
        if (tries === 0) order = C.shuffle(order);
        if (order.join() === right.join()) order.push(order.shift());
      } else if (b.box.hasAttribute("data-course-shuffle")) {
        var fixed = b.items.map(function (el) { return el.hasAttribute("data-course-fixed"); });
        var free = C.shuffle(order.filter(function (oid, i) { return !fixed[i]; }));
        order = order.map(function (oid, i) { return fixed[i] ? oid : free.shift(); });
      }
      orders[id] = order;
    }, this);
    return {
      id: C.uid(), quiz: p.quiz, version: p.version, lang: (C.lang() || "").slice(0, C.attemptLimits.lang),
      started: new Date().toISOString(), finished: null,
      questions: questions, orders: orders, answers: {}, scores: {}, score: null, passed: null
    };
  };

  // -- a saved attempt read back ---------------------------------------------

  // Whether a saved attempt (already valid by C.validAttempt) fits this quiz
  // as built: its questions, option orders, answers and scores name only
  // what the page has, each answer in its question type's shape.
  Q.fits = function (a) {
    var self = this, n = this.ids.length, draw = this.payload.draw, q = a.questions;
    var parts = [a.orders, a.answers, a.scores];
    if (!Array.isArray(q) || q.length !== (draw && draw < n ? draw : n) || !parts.every(C.isObject)) return false;
    var known = function (id) { return self.forms.has(id); };
    if (!q.every(known) || !parts.every(function (o) { return Object.keys(o).every(known); })) return false;
    return this.ids.every(function (id) {
      var box = self.boxes.get(id), answer = C.get(a.answers, id);
      if (box && !permutation(C.get(a.orders, id), box.ids)) return false;
      if (answer !== undefined && answer !== null && !self.shaped(id, answer)) return false;
      return !C.own(a.scores, id) || (q.indexOf(id) >= 0 && C.isAnswered(self.type(id), answer));
    }) && (!a.finished || q.every(function (id) { return C.own(a.scores, id); }));
  };

  Q.shaped = function (id, answer) {
    var box = this.boxes.get(id), options = box ? box.ids : [];
    function option(v) { return typeof v === "string" && options.indexOf(v) >= 0; }
    switch (this.type(id)) {
      case "single": return option(answer);
      case "true_false": return typeof answer === "boolean";
      case "multiple": return Array.isArray(answer) && answer.every(option);
      case "fill_blank": case "numeric": return typeof answer === "string";
      case "ordering": return permutation(answer, options);
      case "matching":
        var rights = C.get(this.key, id).rights;
        return C.isObject(answer) && Object.keys(answer).every(function (pid) {
          return option(pid) && (answer[pid] === "" || C.own(rights, answer[pid]));
        });
    }
    return false;
  };

  // -- reading and writing the form controls -----------------------------

  Q.read = function (id) {
    var form = this.forms.get(id), type = this.type(id);
    if (type === "single" || type === "true_false") {
      var chosen = $(form, "input:checked");
      if (!chosen) return null;
      return type === "true_false" ? chosen.value === "true" : chosen.value;
    }
    if (type === "multiple") return $$(form, "input:checked").map(function (el) { return el.value; });
    if (type === "fill_blank" || type === "numeric") return $(form, "[data-course-input]").value.slice(0, C.attemptLimits.text);
    if (type === "matching") {
      var answer = {};
      $$(form, "[data-course-match]").forEach(function (el) { answer[el.getAttribute("data-course-match")] = el.value; });
      return answer;
    }
    return $$(form, "[data-course-order] [data-course-option]").map(function (el) { return el.getAttribute("data-course-option"); });
  };

  Q.write = function (id, answer) {
    var form = this.forms.get(id), type = this.type(id);
    if (answer === undefined || answer === null) return;
    if (type === "single" || type === "multiple" || type === "true_false") {
      var values = [].concat(answer).map(String);
      $$(form, "input").forEach(function (el) { el.checked = values.indexOf(el.value) >= 0; });
    } else if (type === "fill_blank" || type === "numeric") {
      $(form, "[data-course-input]").value = answer;
    } else if (type === "matching") {
      $$(form, "[data-course-match]").forEach(function (el) { el.value = C.get(answer, el.getAttribute("data-course-match")) || ""; });
    } else if (type === "ordering") {
      this.arrange(id, answer); // the items as the learner last moved them
    }
  };

  // Put a question's options in a saved order; ids only ever match ids.
  Q.arrange = function (id, order) {
    var b = this.boxes.get(id);
    if (!b || !order) return;
    order.forEach(function (oid) {
      var i = b.ids.indexOf(oid);
      if (i >= 0) b.box.appendChild(b.items[i]);
    });
    this.syncMoves(id);
  };

  // The first item cannot go up, nor the last down: say so (aria-disabled
  // keeps the focus on the button that was just pressed).
  Q.syncMoves = function (id) {
    var form = this.forms.get(id), items = $$(form, "[data-course-order] [data-course-option]");
    items.forEach(function (item, i) {
      $$(item, "[data-course-move]").forEach(function (button) {
        var edge = button.getAttribute("data-course-move") === "up" ? i === 0 : i === items.length - 1;
        if (edge) button.setAttribute("aria-disabled", "true");
        else button.removeAttribute("aria-disabled");
      });
    });
  };

  // -- events ---------------------------------------------------------------

  Q.wire = function () {
    var self = this;
    this.ids.forEach(function (id) {
      var form = self.forms.get(id);
      $$(form, "[data-course-input]").forEach(function (el) { el.maxLength = C.attemptLimits.text; });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        self.check(id);
      });
      form.addEventListener("change", function () { self.remember(id); });
      form.addEventListener("input", function () { self.remember(id); });
      form.addEventListener("click", function (event) {
        var button = event.target.closest("[data-course-move]");
        if (button) self.move(id, button);
      });
    });
    this.root.addEventListener("click", function (event) {
      if (event.target.closest("[data-course-retry]")) self.retry();
    });
  };

  Q.remember = function (id) {
    if (C.own(this.attempt.scores, id)) return;
    this.attempt.answers[id] = this.read(id);
    if (this.type(id) === "numeric" && !isNaN(C.parseNumber(this.attempt.answers[id]))) this.clearError(id);
    this.save();
  };

  Q.move = function (id, button) {
    var item = button.closest("[data-course-option]"), list = item.parentNode;
    var up = button.getAttribute("data-course-move") === "up";
    var sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling || C.own(this.attempt.scores, id)) return;
    list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
    this.syncMoves(id);
    button.focus();
    var items = $$(list, "[data-course-option]");
    this.announce(C.format(this.t.moved, {
      item: $(item, ".course-order__text").textContent,
      position: C.num(items.indexOf(item) + 1),
      count: C.num(items.length)
    }));
    this.remember(id);
  };

  Q.check = function (id) {
    var form = this.forms.get(id), type = this.type(id);
    var answer = this.read(id), box = $(form, "[data-course-feedback]");
    if (!C.isAnswered(type, answer) || (type === "numeric" && isNaN(C.parseNumber(answer)))) {
      box.hidden = false;
      box.textContent = C.isAnswered(type, answer) ? this.t.not_a_number : this.t.unanswered;
      if (type === "numeric" && C.isAnswered(type, answer)) this.showError(id);
      this.announce(box.textContent);
      return;
    }
    this.clearError(id);
    var result = C.grade(C.get(this.key, id), answer);
    this.attempt.answers[id] = answer;
    this.attempt.scores[id] = result.score;
    this.showFeedback(id, result);
    this.showAnswered();
    this.announce(C.format(this.t.question_result, { number: C.num(this.number(id)), verdict: this.verdict(result.score) }));
    if (this.attempt.questions.every(function (q) { return C.own(this.attempt.scores, q); }, this)) this.finish();
    this.save();
    // The check button is now disabled: focus the verdict rather than <body>,
    // and bring it into view (after Enter on a radio it may be below the fold).
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: "nearest" });
  };

  // A number that could not be read: the input says so to assistive technology.
  Q.showError = function (id) {
    var form = this.forms.get(id), input = $(form, "[data-course-input]"), box = $(form, "[data-course-feedback]");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", box.id);
  };

  Q.clearError = function (id) {
    var form = this.forms.get(id), input = $(form, "[data-course-input]");
    if (!input || !input.hasAttribute("aria-invalid")) return;
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    if (!C.own(this.attempt.scores, id)) {
      var box = $(form, "[data-course-feedback]");
      box.hidden = true;
      box.textContent = "";
    }
  };

  Q.finish = function () {
    var a = this.attempt, total = a.questions.length, sum = 0, right = 0;
    a.questions.forEach(function (q) {
      var score = C.get(a.scores, q);
      sum += score;
      if (score === 1) right++;
    });
    a.score = Math.round((sum / total) * 1000) / 10;
    a.right = right;
    a.passed = a.score >= this.payload.passMark;
    a.finished = new Date().toISOString();
    // A fresh id: another tab may have resumed and finished the same draft.
    a.id = C.uid();
    // the course as it stood before this attempt: completing it is said once
    var data = C.journeyData && C.journeyData(), before = data ? C.journeyState(data) : null;
    this.state.attempts = C.mergeAttempts(this.state.attempts, [a]);
    this.showResult(before);
    var result = $(this.root, "[data-course-result]");
    this.announce($(result, ".course-quiz__score").textContent + " " + $(result, ".course-quiz__verdict").textContent +
      ($(result, ".course-next__complete") ? " " + $(result, ".course-next__complete").textContent : ""));
  };

  Q.retry = function () {
    this.attempt = this.newAttempt();
    this.state.current = this.attempt;
    this.show();
    this.save();
    var first = this.forms.get(this.attempt.questions[0]);
    var control = first && $(first, "input,select,button");
    if (control) control.focus();
  };

  Q.save = function () {
    this.store.save(this.state);
    this.showStorage();
    // a pass (or a first answer) shows in the navigation and the journey at once (nav.js)
    var answered = Object.keys(this.attempt.answers).length > 0;
    if ((this.attempt.finished || answered !== this.answered) && C.refreshCourse) C.refreshCourse();
    this.answered = answered;
  };

  // -- showing the attempt ------------------------------------------------------

  Q.show = function () {
    var a = this.attempt, root = this.root, result = $(root, "[data-course-result]");
    this.ids.forEach(function (id) {
      var form = this.forms.get(id), drawn = a.questions.indexOf(id) >= 0;
      form.hidden = !drawn;
      form.setAttribute("data-course-drawn", drawn ? "true" : "false");
      this.reset(id);
      this.arrange(id, C.get(a.orders, id));
      this.write(id, C.get(a.answers, id));
      // The saved score stands: the attempt may have been made in another
      // language, whose accepted fill-in answers differ from this page's.
      if (C.own(a.scores, id)) {
        this.showFeedback(id, { score: a.scores[id], marks: C.grade(C.get(this.key, id), C.get(a.answers, id)).marks });
      }
    }, this);
    a.questions.forEach(function (id, i) {
      var form = this.forms.get(id);
      $(form, "[data-course-number]").textContent = C.format(this.t.question_label, { number: C.num(i + 1) });
      var after = $(root, "[data-course-answered]") || result;  // the questions, then the count, then the result
      after.parentNode.insertBefore(form, after);
    }, this);
    if (a.finished) this.showResult();
    else {
      result.hidden = true;
      result.textContent = "";
      result.removeAttribute("data-course-passed");
    }
    this.showAnswered();
    this.showPrevious();
  };

  Q.reset = function (id) {
    var form = this.forms.get(id);
    form.removeAttribute("data-course-score");
    $$(form, "input,select,button").forEach(function (el) { el.disabled = false; });
    $$(form, "input[type=radio],input[type=checkbox]").forEach(function (el) { el.checked = false; });
    $$(form, "input[type=text]").forEach(function (el) { el.value = ""; });
    $$(form, "select").forEach(function (el) { el.value = ""; });
    $$(form, "[data-course-mark]").forEach(function (el) { el.textContent = ""; });
    $$(form, "[data-course-option]").forEach(function (el) { el.removeAttribute("data-course-correct"); el.removeAttribute("data-course-chosen"); });
    $$(form, "[data-course-option-feedback],[data-course-feedback]").forEach(function (el) { el.hidden = true; el.textContent = ""; });
    this.clearError(id);
    this.syncMoves(id);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
