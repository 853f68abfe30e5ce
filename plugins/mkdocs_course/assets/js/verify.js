/* The verify page: a credential pasted, chosen as a file, or given by the
   address (#credential=… from a certificate's QR code, or #url=…), checked
   by C.checkCredential and shown as text only. Starts every
   [data-course-verify] on the page, again after instant navigation. */
(function (C) {
  "use strict";

  var MAX_BYTES = 1024 * 1024; // a credential is a few KB

  function Verify(root) {
    this.root = root;
    var payload = root.querySelector("[data-course-verify-payload]");
    this.setup = JSON.parse(payload.content ? payload.content.textContent : payload.textContent);
    this.t = this.setup.strings;
    this.input = root.querySelector("[data-course-verify-input]");
    this.result = root.querySelector("[data-course-verify-result]");
    this.content = root.querySelector("[data-course-verify-content]");
    var self = this;
    root.querySelector("[data-course-verify-form]").addEventListener("submit", function (event) {
      event.preventDefault();
      var text = self.input.value.trim();
      if (!text) return self.say("empty", self.t.verify_empty);
      self.check(text);
    });
    root.querySelector("[data-course-verify-file]").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      if (file.size > MAX_BYTES) return self.show({ status: "invalid", reason: "json" });
      file.text().then(function (text) { self.input.value = text; self.check(text); });
    });
    this.fromAddress();
  }

  Verify.prototype.fromAddress = function () {
    var hash = window.location.hash, self = this;
    var packed = /^#credential=([A-Za-z0-9_-]+)$/.exec(hash);
    if (packed) {
      C.unpackCredential(packed[1]).then(function (text) {
        self.input.value = text;
        self.check(text);
      }, function () { self.show({ status: "invalid", reason: "json" }); });
      return;
    }
    var at = /^#url=(.+)$/.exec(hash);
    if (!at) return;
    var address;
    try {
      address = new URL(decodeURIComponent(at[1]), window.location.href);
    } catch (e) {
      address = null;
    }
    // only https (or this page's own origin): never another scheme
    if (!address || (address.protocol !== "https:" && address.origin !== window.location.origin)) {
      return this.say("invalid", C.format(this.t.verify_fetch_failed, { address: at[1] }));
    }
    this.say("checking", this.t.verify_checking);
    fetch(address.href, { credentials: "omit", cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }).then(function (text) {
      self.input.value = text;
      self.check(text);
    }, function () {
      self.say("invalid", C.format(self.t.verify_fetch_failed, { address: address.href }));
    });
  };

  Verify.prototype.say = function (status, text) {
    this.result.setAttribute("data-course-verify-status", status);
    this.result.textContent = text;
  };

  Verify.prototype.check = function (text) {
    var self = this;
    this.content.hidden = true;
    this.say("checking", this.t.verify_checking);
    return C.checkCredential(text, this.setup).then(function (outcome) { self.show(outcome); });
  };

  Verify.prototype.message = function (outcome) {
    var t = this.t, credential = outcome.credential, ours = this.setup.issuer;
    var named = credential && typeof credential.issuer.name === "string" ? credential.issuer.name : ours;
    switch (outcome.status) {
      case "valid": return C.format(t.verify_valid, { issuer: named });
      case "expired": return C.format(t.verify_expired, { issuer: named, date: C.date(credential.validUntil) });
      case "not-yet": return C.format(t.verify_not_yet, { date: C.date(credential.validFrom) });
      case "foreign": return C.format(t.verify_foreign, { issuer: outcome.detail, ours: ours });
      case "unknown-key": return C.format(t.verify_unknown_key, { ours: ours });
      case "unsupported": return t.verify_unsupported;
      default:
        return C.format(t.verify_invalid, { reason: C.format(t["verify_reason_" + outcome.reason] || t.verify_reason_json, { detail: outcome.detail }) });
    }
  };

  Verify.prototype.show = function (outcome) {
    this.say(outcome.status, this.message(outcome));
    if (outcome.reason) this.result.setAttribute("data-course-verify-reason", outcome.reason);
    else this.result.removeAttribute("data-course-verify-reason");
    if (outcome.credential) this.describe(outcome.credential);
    this.result.focus();
  };

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  // The credential's content, every value as text.
  Verify.prototype.describe = function (credential) {
    var t = this.t, subject = credential.credentialSubject, achievement = subject.achievement;
    var facts = this.content.querySelector("[data-course-verify-facts]");
    facts.textContent = "";
    [[t.verify_learner, text(subject.name), "learner"], [t.verify_course, text(achievement.name), "course"],
     [t.verify_issuer, text(credential.issuer.name), "issuer"],
     [t.verify_completed, subject.activityEndDate ? C.date(subject.activityEndDate) : "", "completed"],
     [t.verify_issued, C.date(credential.validFrom), "issued"],
     [t.verify_valid_until, credential.validUntil ? C.date(credential.validUntil) : "", "valid-until"],
     [t.verify_id, text(credential.id), "id"]].forEach(function (row) {
      if (!row[1]) return;
      var dt = C.el("dt", "", row[0]), dd = C.el("dd", "", row[1]);
      dd.setAttribute("data-course-verify-fact", row[2]);
      facts.appendChild(dt);
      facts.appendChild(dd);
    });
    var table = this.content.querySelector("[data-course-verify-modules]"), body = table.querySelector("tbody");
    body.textContent = "";
    var results = {};
    (Array.isArray(subject.result) ? subject.result : []).forEach(function (r) {
      if (r && typeof r.resultDescription === "string") results[r.resultDescription] = text(r.value);
    });
    (Array.isArray(achievement.resultDescription) ? achievement.resultDescription : []).forEach(function (d) {
      var row = C.el("tr");
      row.appendChild(C.el("td", "", text(d.name)));
      row.appendChild(C.el("td", "", C.format(t.certificate_percent, { score: results[d.id] || "" })));
      row.appendChild(C.el("td", "", C.format(t.certificate_percent, { score: text(d.requiredValue) })));
      body.appendChild(row);
    });
    table.hidden = !body.children.length;
    this.content.hidden = false;
  };

  C.bootVerify = function () {
    var roots = document.querySelectorAll("[data-course-verify]");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].mkdocsCourseVerify) continue;
      try {
        roots[i].mkdocsCourseVerify = new Verify(roots[i]);
      } catch (e) {
        roots[i].mkdocsCourseVerify = "failed";
        if (window.console) console.error("mkdocs-course: the verify page could not start", e);
      }
    }
  };

  if (!C.verifyListening) {
    C.verifyListening = true;
    window.addEventListener("hashchange", function () {
      var root = document.querySelector("[data-course-verify]");
      if (root && root.mkdocsCourseVerify && root.mkdocsCourseVerify.fromAddress) root.mkdocsCourseVerify.fromAddress();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", C.bootVerify);
  else C.bootVerify();
})(window.mkdocsCourse = window.mkdocsCourse || {});
