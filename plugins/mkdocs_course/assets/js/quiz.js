/* One quiz on the page: reads answers from native form controls, grades
   them, shows feedback, and keeps the attempt saved after every change. */
(function (C) {
  "use strict";

  var CHECK = "\u2713 ", CROSS = "\u2717 ";

  function $(root, selector) { return root.querySelector(selector); }
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  C.Quiz = function (root) {
    var payload = JSON.parse($(root, "[data-course-payload]").content.textContent);
    this.root = root;
    this.payload = payload;
    this.t = payload.strings;
    this.key = C.decodeKey(payload.key, payload.salt);
    this.forms = {};
    $$(root, "[data-course-question]").forEach(function (form) {
      this.forms[form.getAttribute("data-course-question")] = form;
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
    }
    this.attempt = current || this.newAttempt();
    this.state.current = this.attempt;
    this.wire();
    this.show();
    this.save();
  };

  var Q = C.Quiz.prototype;

  Q.newAttempt = function () {
    var ids = Object.keys(this.forms), p = this.payload, orders = {};
    var pool = p.draw && p.draw < ids.length ? C.shuffle(ids).slice(0, p.draw) : ids;
    var questions = p.shuffleQuestions ? C.shuffle(pool) : ids.filter(function (id) { return pool.indexOf(id) >= 0; });
    ids.forEach(function (id) {
      var form = this.forms[id], box = $(form, "[data-course-options],[data-course-order]");
      if (!box) return;
      var children = $$(box, "[data-course-option]"), order = children.map(function (el) { return el.getAttribute("data-course-option"); });
      if (box.hasAttribute("data-course-order")) {
        var right = this.key[id].order;
        for (var tries = 0; tries < 5 && order.join() === right.join(); tries++) order = C.shuffle(order);
        if (tries === 0) order = C.shuffle(order);
        if (order.join() === right.join()) order.push(order.shift());
      } else if (box.hasAttribute("data-course-shuffle")) {
        var free = C.shuffle(order.filter(function (oid, i) { return !children[i].hasAttribute("data-course-fixed"); }));
        order = order.map(function (oid, i) { return children[i].hasAttribute("data-course-fixed") ? oid : free.shift(); });
      }
      orders[id] = order;
    }, this);
    return {
      id: C.uid(), quiz: p.quiz, version: p.version, lang: C.lang() || "",
      started: new Date().toISOString(), finished: null,
      questions: questions, orders: orders, answers: {}, scores: {}, score: null, passed: null
    };
  };

  // -- reading and writing the form controls -----------------------------

  Q.read = function (id) {
    var form = this.forms[id], type = form.getAttribute("data-question-type");
    if (type === "single" || type === "true_false") {
      var chosen = $(form, "input:checked");
      if (!chosen) return null;
      return type === "true_false" ? chosen.value === "true" : chosen.value;
    }
    if (type === "multiple") return $$(form, "input:checked").map(function (el) { return el.value; });
    if (type === "fill_blank" || type === "numeric") return $(form, "[data-course-input]").value;
    if (type === "matching") {
      var answer = {};
      $$(form, "[data-course-match]").forEach(function (el) { answer[el.getAttribute("data-course-match")] = el.value; });
      return answer;
    }
    return $$(form, "[data-course-order] [data-course-option]").map(function (el) { return el.getAttribute("data-course-option"); });
  };

  Q.write = function (id, answer) {
    var form = this.forms[id], type = form.getAttribute("data-question-type");
    if (answer === undefined || answer === null) return;
    if (type === "single" || type === "multiple" || type === "true_false") {
      var values = [].concat(answer).map(String);
      $$(form, "input").forEach(function (el) { el.checked = values.indexOf(el.value) >= 0; });
    } else if (type === "fill_blank" || type === "numeric") {
      $(form, "[data-course-input]").value = answer;
    } else if (type === "matching") {
      $$(form, "[data-course-match]").forEach(function (el) { el.value = answer[el.getAttribute("data-course-match")] || ""; });
    }
  };

  Q.arrange = function (id, order) {
    var box = $(this.forms[id], "[data-course-options],[data-course-order]");
    if (!box || !order) return;
    order.forEach(function (oid) {
      var el = $(box, '[data-course-option="' + oid + '"]');
      if (el) box.appendChild(el);
    });
  };

  // -- events ---------------------------------------------------------------

  Q.wire = function () {
    var self = this;
    Object.keys(this.forms).forEach(function (id) {
      var form = self.forms[id];
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
    if (this.attempt.scores[id] !== undefined) return;
    this.attempt.answers[id] = this.read(id);
    this.save();
  };

  Q.move = function (id, button) {
    var item = button.closest("[data-course-option]"), list = item.parentNode;
    var up = button.getAttribute("data-course-move") === "up";
    var sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling || this.attempt.scores[id] !== undefined) return;
    list.insertBefore(item, up ? sibling : sibling.nextElementSibling);
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
    var form = this.forms[id], type = form.getAttribute("data-question-type");
    var answer = this.read(id), box = $(form, "[data-course-feedback]");
    if (!C.isAnswered(type, answer) || (type === "numeric" && isNaN(C.parseNumber(answer)))) {
      box.hidden = false;
      box.textContent = C.isAnswered(type, answer) ? this.t.not_a_number : this.t.unanswered;
      this.announce(box.textContent);
      return;
    }
    var result = C.grade(this.key[id], answer);
    this.attempt.answers[id] = answer;
    this.attempt.scores[id] = result.score;
    this.showFeedback(id, result);
    this.announce(C.format(this.t.question_result, { number: C.num(this.number(id)), verdict: this.verdict(result.score) }));
    if (this.attempt.questions.every(function (q) { return this.attempt.scores[q] !== undefined; }, this)) this.finish();
    this.save();
  };

  Q.finish = function () {
    var a = this.attempt, total = a.questions.length, sum = 0, right = 0;
    a.questions.forEach(function (q) { sum += a.scores[q]; if (a.scores[q] === 1) right++; });
    a.score = Math.round((sum / total) * 1000) / 10;
    a.right = right;
    a.passed = a.score >= this.payload.passMark;
    a.finished = new Date().toISOString();
    // A fresh id: another tab may have resumed and finished the same draft.
    a.id = C.uid();
    this.state.attempts = C.mergeAttempts(this.state.attempts, [a]);
    this.showResult();
    var result = $(this.root, "[data-course-result]");
    this.announce(result.querySelector("p").textContent + " " + result.querySelectorAll("p")[1].textContent);
  };

  Q.retry = function () {
    this.attempt = this.newAttempt();
    this.state.current = this.attempt;
    this.show();
    this.save();
    var first = this.forms[this.attempt.questions[0]];
    var control = first && $(first, "input,select,button");
    if (control) control.focus();
  };

  Q.save = function () {
    this.store.save(this.state);
    this.showStorage();
    // a pass shows in the navigation at once (assets/js/nav.js)
    if (this.attempt.finished && C.markNav) C.markNav();
  };

  // -- showing ---------------------------------------------------------------

  Q.number = function (id) { return this.attempt.questions.indexOf(id) + 1; };

  Q.verdict = function (score) {
    return score === 1 ? this.t.correct : score > 0 ? this.t.partial : this.t.incorrect;
  };

  Q.announce = function (text) {
    var live = $(this.root, "[data-course-live]");
    live.textContent = "";
    // a fresh text node after clearing makes screen readers speak it again
    window.setTimeout(function () { live.textContent = text; }, 50);
  };

  Q.show = function () {
    var a = this.attempt, root = this.root, result = $(root, "[data-course-result]");
    Object.keys(this.forms).forEach(function (id) {
      var form = this.forms[id], drawn = a.questions.indexOf(id) >= 0;
      form.hidden = !drawn;
      form.setAttribute("data-course-drawn", drawn ? "true" : "false");
      this.reset(id);
      this.arrange(id, a.orders[id]);
      this.write(id, a.answers[id]);
      // The saved score stands: the attempt may have been made in another
      // language, whose accepted fill-in answers differ from this page's.
      if (a.scores[id] !== undefined) this.showFeedback(id, { score: a.scores[id], marks: C.grade(this.key[id], a.answers[id]).marks });
    }, this);
    a.questions.forEach(function (id, i) {
      var form = this.forms[id];
      $(form, "[data-course-number]").textContent = C.format(this.t.question_label, { number: C.num(i + 1) });
      result.parentNode.insertBefore(form, result);
    }, this);
    if (a.finished) this.showResult();
    else {
      result.hidden = true;
      result.textContent = "";
      result.removeAttribute("data-course-passed");
    }
    this.showPrevious();
  };

  Q.reset = function (id) {
    var form = this.forms[id];
    form.removeAttribute("data-course-score");
    $$(form, "input,select,button").forEach(function (el) { el.disabled = false; });
    $$(form, "input[type=radio],input[type=checkbox]").forEach(function (el) { el.checked = false; });
    $$(form, "input[type=text]").forEach(function (el) { el.value = ""; });
    $$(form, "select").forEach(function (el) { el.value = ""; });
    $$(form, "[data-course-mark]").forEach(function (el) { el.textContent = ""; });
    $$(form, "[data-course-option]").forEach(function (el) { el.removeAttribute("data-course-correct"); });
    $$(form, "[data-course-option-feedback],[data-course-feedback]").forEach(function (el) { el.hidden = true; el.textContent = ""; });
  };

  function mark(el, ok, text) {
    el.setAttribute("data-course-correct", ok ? "true" : "false");
    $(el, "[data-course-mark]").textContent = (ok ? CHECK : CROSS) + text;
  }

  // Feedback HTML comes from the build (quiz Markdown rendered without raw
  // HTML), never from anything the learner typed.
  Q.showFeedback = function (id, result) {
    var form = this.forms[id], key = this.key[id], t = this.t, answer = this.attempt.answers[id];
    form.setAttribute("data-course-score", String(result.score));
    $$(form, "input,select,[data-course-move],[data-course-check]").forEach(function (el) { el.disabled = true; });
    if (key.type === "single" || key.type === "multiple" || key.type === "true_false") {
      var chosen = [].concat(answer).map(String);
      var right = key.type === "true_false" ? [String(key.answer)] : key.correct;
      $$(form, "[data-course-option]").forEach(function (el) {
        var oid = el.getAttribute("data-course-option"), picked = chosen.indexOf(oid) >= 0, good = right.indexOf(oid) >= 0;
        if (picked || good) mark(el, good, good ? (picked || key.type !== "multiple" ? t.right_choice : t.missed_choice) : t.wrong_choice);
        var fb = key.feedback && key.feedback[oid];
        if (fb && (picked || good)) {
          var box = $(el, "[data-course-option-feedback]");
          box.innerHTML = fb;
          box.hidden = false;
        }
      });
    } else if (key.type === "matching") {
      $$(form, "[data-course-option]").forEach(function (el) {
        var pid = el.getAttribute("data-course-option"), ok = result.marks[pid];
        var text = ok ? t.right_match : C.format(t.wrong_match, { right: plain(key.rights[key.pairs[pid]]) });
        mark(el, ok, text);
      });
    } else if (key.type === "ordering") {
      $$(form, "[data-course-option]").forEach(function (el) {
        var iid = el.getAttribute("data-course-option"), ok = result.marks[iid];
        mark(el, ok, ok ? t.right_place : C.format(t.wrong_place, { position: C.num(key.order.indexOf(iid) + 1) }));
      });
    }
    var box = $(form, "[data-course-feedback]");
    box.textContent = "";
    box.appendChild(C.el("p", "course-question__verdict", (result.score === 1 ? CHECK : CROSS) + this.verdict(result.score)));
    if (result.score < 1 && key.type === "fill_blank") box.appendChild(withIsolated(t.accepted, "answers", key.answers));
    if (result.score < 1 && key.type === "numeric") {
      var expected = key.answer.toLocaleString(C.lang()) + (key.tolerance ? " \u00b1 " + key.tolerance.toLocaleString(C.lang()) : "");
      box.appendChild(C.el("p", "", C.format(t.expected_number, { answer: expected })));
    }
    var extra = (result.score === 1 ? key.ok : key.no) || "";
    if (extra || key.explanation) {
      var more = C.el("div", "course-question__explanation"), text = this.payload.text;
      // the author's words, in their own language when not translated yet
      if (text) { more.lang = text.lang; more.dir = text.dir; }
      more.innerHTML = extra + (key.explanation || "");
      box.appendChild(more);
    }
    box.hidden = false;
  };

  // A paragraph from a template whose {name} becomes a list of texts, each
  // isolated so right-to-left and left-to-right answers keep their order.
  function withIsolated(template, name, texts) {
    var p = C.el("p"), parts = String(template).split("{" + name + "}");
    p.appendChild(document.createTextNode(parts[0]));
    texts.forEach(function (text, i) {
      if (i) p.appendChild(document.createTextNode(" / "));
      p.appendChild(C.el("bdi", "", text));
    });
    p.appendChild(document.createTextNode(parts.slice(1).join("")));
    return p;
  }

  function plain(html) {
    var div = document.createElement("div");
    div.innerHTML = html;
    return div.textContent;
  }

  Q.showResult = function () {
    var a = this.attempt, t = this.t, result = $(this.root, "[data-course-result]");
    result.textContent = "";
    result.setAttribute("data-course-passed", a.passed ? "true" : "false");
    result.setAttribute("data-course-score", String(a.score));
    var total = a.questions.length, plural = this.payload.plural;
    result.appendChild(C.el("p", "course-quiz__score", C.format(C.plural(t.score, total, plural), { score: C.num(a.score), right: C.num(a.right), total: C.num(total) })));
    result.appendChild(C.el("p", "course-quiz__verdict", (a.passed ? CHECK : CROSS) + C.format(a.passed ? t.passed : t.failed, { pass_mark: C.num(this.payload.passMark) })));
    var retry = C.el("button", "course-button", t.retry);
    retry.type = "button";
    retry.setAttribute("data-course-retry", "");
    result.appendChild(retry);
    result.hidden = false;
  };

  Q.showPrevious = function () {
    var box = $(this.root, "[data-course-previous]"), current = this.attempt, version = this.payload.version;
    var done = this.state.attempts.filter(function (a) { return a.finished && a.id !== current.id; });
    box.textContent = "";
    box.hidden = !done.length;
    if (!done.length) return;
    var best = done.reduce(function (x, y) { return y.score > x.score ? y : x; });
    box.appendChild(C.el("p", "", C.format(C.plural(this.t.previous, done.length, this.payload.plural), { count: C.num(done.length), best: C.num(best.score), date: C.date(best.finished) })));
    if (done.some(function (a) { return a.version !== version; })) {
      box.appendChild(C.el("p", "", this.t.older_version));
      box.setAttribute("data-course-older", "true");
    }
  };

  Q.showStorage = function () {
    var box = $(this.root, "[data-course-storage-status]"), status = this.store.status;
    box.hidden = !status;
    box.textContent = status ? this.t[status] : "";
    if (status) box.setAttribute("data-course-storage-status", status);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
