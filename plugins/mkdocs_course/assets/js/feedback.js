/* What a quiz tells the learner: each question's verdict and feedback, the
   result, earlier attempts, the live region and storage problems. Part of
   C.Quiz (quiz.js); ids are looked up with C.get, never as plain properties,
   so an option called "constructor" has no feedback unless it was given one. */
(function (C) {
  "use strict";

  var CHECK = "\u2713 ", CROSS = "\u2717 ", Q = C.Quiz.prototype;

  function $(root, selector) { return root.querySelector(selector); }
  function $$(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

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

  function mark(el, ok, text) {
    el.setAttribute("data-course-correct", ok ? "true" : "false");
    $(el, "[data-course-mark]").textContent = (ok ? CHECK : CROSS) + text;
  }

  // Feedback HTML comes from the build (quiz Markdown rendered without raw
  // HTML), never from anything the learner typed.
  Q.showFeedback = function (id, result) {
    var form = this.forms.get(id), key = C.get(this.key, id), t = this.t, answer = C.get(this.attempt.answers, id);
    form.setAttribute("data-course-score", String(result.score));
    $$(form, "input,select,[data-course-move],[data-course-check]").forEach(function (el) { el.disabled = true; });
    if (key.type === "single" || key.type === "multiple" || key.type === "true_false") {
      var chosen = [].concat(answer).map(String);
      var right = key.type === "true_false" ? [String(key.answer)] : key.correct;
      $$(form, "[data-course-option]").forEach(function (el) {
        var oid = el.getAttribute("data-course-option"), picked = chosen.indexOf(oid) >= 0, good = right.indexOf(oid) >= 0;
        // the learner's own choice stays plain to see (course.css), in words too
        if (picked) el.setAttribute("data-course-chosen", "true");
        if (picked || good) mark(el, good, good ? (picked ? t.right_your_choice : key.type !== "multiple" ? t.right_choice : t.missed_choice) : t.wrong_choice);
        var fb = C.get(key.feedback, oid);
        if (fb && (picked || good)) {
          var box = $(el, "[data-course-option-feedback]");
          box.innerHTML = fb;
          box.hidden = false;
        }
      });
    } else if (key.type === "matching") {
      $$(form, "[data-course-option]").forEach(function (el) {
        var pid = el.getAttribute("data-course-option"), ok = result.marks[pid] === true;
        var text = ok ? t.right_match : C.format(t.wrong_match, { right: plain(C.get(key.rights, C.get(key.pairs, pid))) });
        mark(el, ok, text);
      });
    } else if (key.type === "ordering") {
      $$(form, "[data-course-option]").forEach(function (el) {
        var iid = el.getAttribute("data-course-option"), ok = result.marks[iid] === true;
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
    div.innerHTML = html || "";
    return div.textContent;
  }

  // The result of the whole attempt: its own box with a heading, so it does
  // not read as one more question's feedback, then what to do next.
  Q.showResult = function (before) {
    var a = this.attempt, t = this.t, result = $(this.root, "[data-course-result]");
    result.textContent = "";
    result.setAttribute("data-course-passed", a.passed ? "true" : "false");
    result.setAttribute("data-course-score", String(a.score));
    var total = a.questions.length, plural = this.payload.plural;
    result.appendChild(C.el("h3", "course-quiz__result-title", t.result_heading));
    result.appendChild(C.el("p", "course-quiz__verdict", (a.passed ? CHECK : CROSS) + C.format(a.passed ? t.passed : t.failed, { pass_mark: C.num(this.payload.passMark) })));
    result.appendChild(C.el("p", "course-quiz__score", C.format(C.plural(t.score, total, plural), { score: C.num(a.score), right: C.num(a.right), total: C.num(total) })));
    var next = C.el("div", "course-next");
    next.setAttribute("data-course-next-step", "");
    result.appendChild(next);
    this.showNext(before);
    result.hidden = false;
    this.showAnswered();
  };

  // After the result: on a pass the next module (or the certificate once
  // the course is complete), on a fail Try again and Review the module;
  // My progress either way (journey.js). `before`: the course's state
  // before this attempt finished, to say "completed" only at that moment.
  Q.showNext = function (before) {
    var box = $(this.root, "[data-course-next-step]"), a = this.attempt, quiz = this.payload.quiz;
    var data = C.journeyData && C.journeyData();
    var retry = C.el("button", "course-button" + (a.passed ? " course-button--quiet" : ""), this.t.retry);
    retry.type = "button";
    retry.setAttribute("data-course-retry", "");
    if (!data) {
      box.appendChild(retry);
      box.hidden = false;
      return;
    }
    var state = C.journeyState(data, new Map([[quiz, this.state.attempts]]));
    var index = C.journeyIndex(data, function (m) { return m.quizzes.indexOf(quiz) >= 0; });
    var start = document.getElementById("course-module-start") ? "#course-module-start" : "#";
    var actions = C.showNextStep(box, data, state, index, before,
      a.passed ? null : [retry, C.journeyLink(start, data.strings.journey_review, "secondary")]);
    if (a.passed) actions.insertBefore(retry, actions.lastChild);
  };

  // "Answered 3 of 7 questions" while the attempt goes on.
  Q.showAnswered = function () {
    var el = $(this.root, "[data-course-answered]"), a = this.attempt, total = a.questions.length;
    if (!el) return;
    var answered = a.questions.filter(function (q) { return C.own(a.scores, q); }).length;
    el.textContent = C.format(C.plural(this.t.quiz_answered, total, this.payload.plural), { answered: C.num(answered), total: C.num(total) });
    el.hidden = !!a.finished;
  };

  Q.showPrevious = function () {
    var box = $(this.root, "[data-course-previous]"), current = this.attempt, version = this.payload.version;
    var done = this.state.attempts.filter(function (a) { return C.isFinished(a) && a.id !== current.id; });
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

  // The status is one or more interface string keys (storage.js).
  Q.showStorage = function () {
    var box = $(this.root, "[data-course-storage-status]"), status = this.store.status, t = this.t;
    box.hidden = !status;
    box.textContent = status ? status.split(" ").map(function (k) { return C.get(t, k); }).join(" ") : "";
    if (status) box.setAttribute("data-course-storage-status", status);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
