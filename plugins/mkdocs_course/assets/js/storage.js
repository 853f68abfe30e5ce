/* Saved progress in localStorage, one key per course and quiz, never per URL.
   Storage may be blocked (private mode, some file:// pages), full, or hold
   damaged data: the quiz keeps working in memory and the learner is told. */
(function (C) {
  "use strict";

  var PREFIX = "mkdocs-course/";

  function backend() {
    try {
      var s = window.localStorage, probe = PREFIX + "probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  function valid(data) {
    return data && typeof data === "object" && Array.isArray(data.attempts) &&
      data.attempts.every(function (a) { return a && typeof a.id === "string"; });
  }

  // Attempts from both sides, each attempt once (by id), oldest first.
  C.mergeAttempts = function (a, b) {
    var byId = {};
    a.concat(b).forEach(function (attempt) {
      var known = byId[attempt.id];
      if (!known || (!known.finished && attempt.finished)) byId[attempt.id] = attempt;
    });
    return Object.keys(byId).map(function (k) { return byId[k]; }).sort(function (x, y) {
      return String(x.started).localeCompare(String(y.started));
    });
  };

  C.Store = function (course, quiz) {
    this.key = PREFIX + course + "/" + quiz;
    this.backend = backend();
    this.status = this.backend ? "" : "storage_blocked";
  };

  C.Store.prototype.read = function () {
    if (!this.backend) return null;
    var raw = this.backend.getItem(this.key);
    if (raw === null) return null;
    try {
      var data = JSON.parse(raw);
      if (valid(data)) return data;
    } catch (e) { /* handled below */ }
    // Damaged: set the text aside under another key, then start afresh.
    try {
      this.backend.setItem(this.key + "/damaged/" + Date.now(), raw);
      this.backend.removeItem(this.key);
      this.status = "storage_corrupt";
    } catch (e) {
      this.backend = null; // never overwrite what we could not set aside
      this.status = "storage_blocked";
    }
    return null;
  };

  C.Store.prototype.load = function () {
    var data = this.read();
    return data ? { attempts: data.attempts, current: data.current || null } : { attempts: [], current: null };
  };

  // Write this tab's state merged with whatever another tab saved meanwhile.
  C.Store.prototype.save = function (state) {
    if (!this.backend) return false;
    try {
      var stored = this.read();
      if (stored) state.attempts = C.mergeAttempts(stored.attempts, state.attempts);
      this.backend.setItem(this.key, JSON.stringify({ schema: 1, attempts: state.attempts, current: state.current }));
      return true;
    } catch (e) {
      this.status = "storage_blocked";
      return false;
    }
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
