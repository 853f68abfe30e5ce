/* Grading: pure functions from (answer key, learner's answer) to a score
   between 0 and 1 and per-part marks. No DOM here. */
(function (C) {
  "use strict";

  // Arabic-Indic and Persian digits as 0-9, so "١٩٠" and "190" are the same.
  C.westernDigits = function (text) {
    return String(text).replace(/[\u0660-\u0669\u06f0-\u06f9]/g, function (d) {
      return String(d.charCodeAt(0) & 15);
    });
  };

  // Normalized matching ignores letter case, extra spaces and accents or
  // vowel marks (Latin combining accents, Arabic harakat), which learners on
  // phones often leave out; "exact" matching keeps them all.
  C.normalizeText = function (text, exact) {
    var s = String(text || "").normalize("NFC").trim();
    if (exact) return s;
    s = s.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "").normalize("NFC");
    return C.westernDigits(s.replace(/\s+/g, " ").toLocaleLowerCase());
  };

  // Accepts "3.5", "3,5", " 1 000 " and "-2e3"; returns NaN otherwise.
  C.parseNumber = function (text) {
    // U+066B and U+066C are the Arabic decimal and thousands separators.
    var s = C.westernDigits(String(text || "")).replace(/[\s\u00a0\u202f\u066c]/g, "").replace("\u066b", ".");
    if (s.indexOf(".") < 0) s = s.replace(",", ".");
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
  };

  C.isAnswered = function (type, answer) {
    if (answer === null || answer === undefined) return false;
    if (type === "multiple") return answer.length > 0;
    if (type === "fill_blank" || type === "numeric") return String(answer).trim() !== "";
    if (type === "matching") return Object.keys(answer).every(function (k) { return answer[k]; });
    return true;
  };

  function same(a, b) {
    return a.length === b.length && a.every(function (x, i) { return x === b[i]; });
  }

  // Returns {score, marks}: marks maps option/pair/item ids to true/false
  // (an object with no prototype: an id such as "constructor" is only an id).
  C.grade = function (key, answer) {
    var marks = Object.create(null), score = 0;
    switch (key.type) {
      case "single":
        score = answer === key.correct[0] ? 1 : 0;
        break;
      case "multiple":
        var hits = 0, wrong = 0;
        answer.forEach(function (id) { if (key.correct.indexOf(id) >= 0) hits++; else wrong++; });
        if (key.scoring === "partial") score = Math.max(0, (hits - wrong) / key.correct.length);
        else score = hits === key.correct.length && !wrong ? 1 : 0;
        break;
      case "true_false":
        score = answer === key.answer ? 1 : 0;
        break;
      case "fill_blank":
        var exact = key.match === "exact", given = C.normalizeText(answer, exact);
        score = key.answers.some(function (a) { return C.normalizeText(a, exact) === given; }) ? 1 : 0;
        break;
      case "numeric":
        var value = C.parseNumber(answer);
        score = Math.abs(value - key.answer) <= key.tolerance + 1e-9 * Math.max(1, Math.abs(key.answer)) ? 1 : 0;
        break;
      case "matching":
        Object.keys(key.pairs).forEach(function (id) { marks[id] = C.get(answer, id) === key.pairs[id]; });
        score = Object.keys(marks).every(function (id) { return marks[id]; }) ? 1 : 0;
        break;
      case "ordering":
        answer.forEach(function (id, i) { marks[id] = key.order[i] === id; });
        score = same(answer, key.order) ? 1 : 0;
        break;
    }
    return { score: score, marks: marks };
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
