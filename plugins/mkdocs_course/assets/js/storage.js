/* Saved progress in localStorage, one key per course and quiz, never per URL.
   Storage may be blocked (private mode, some file:// pages), full, or hold
   damaged data: the quiz keeps working in memory and the learner is told. */
(function (C) {
  "use strict";

  var PREFIX = "mkdocs-course/";
  var MESSAGES = { all: "storage_corrupt", attempts: "storage_attempts_corrupt", current: "storage_draft_corrupt" };

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

  // Attempts from both sides, each attempt once (by id, whatever the id:
  // a Map, not an object, so "__proto__" or "constructor" is just a name),
  // oldest first; a finished copy wins over an unfinished one.
  C.mergeAttempts = function (a, b) {
    var byId = new Map();
    a.concat(b).forEach(function (attempt) {
      var known = byId.get(attempt.id);
      if (!known || (!known.finished && attempt.finished)) byId.set(attempt.id, attempt);
    });
    return Array.from(byId.values()).sort(function (x, y) {
      return String(x.started).localeCompare(String(y.started));
    });
  };

  // One saved item that is not a quiz's (an activity's answers or text):
  // mkdocs-course/<course>/<key>. readItem gives null when there is none or
  // it cannot be read; writeItem says whether it was saved.
  C.itemKey = function (course, key) { return PREFIX + course + "/" + key; };
  C.readItem = function (course, key) {
    var s = backend();
    if (!s) return null;
    try {
      var data = JSON.parse(s.getItem(C.itemKey(course, key)));
      return data && typeof data === "object" && !Array.isArray(data) ? data : null;
    } catch (e) {
      return null;
    }
  };
  C.writeItem = function (course, key, value) {
    var s = backend();
    if (!s) return false;
    try {
      s.setItem(C.itemKey(course, key), JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  };

  C.Store = function (course, quiz) {
    this.key = PREFIX + course + "/" + quiz;
    this.quiz = quiz;
    this.backend = backend();
    this.status = this.backend ? "" : "storage_blocked";
    this.damaged = [];
  };

  // The attempts that can be trusted (C.readSaved); whatever was damaged is
  // set aside first, so the next save cannot overwrite it.
  C.Store.prototype.read = function () {
    if (!this.backend) return null;
    var raw = this.backend.getItem(this.key);
    if (raw === null) return null;
    var data = C.readSaved(raw, this.quiz);
    if (data.damaged) this.setAside(data.damaged, raw);
    return data.damaged === "all" ? null : data;
  };

  // Keep the saved text under another key; `what` ("all", "attempts",
  // "current", or several) says what was damaged, for the learner's message.
  C.Store.prototype.setAside = function (what, raw) {
    if (!this.backend) return;
    try {
      raw = raw === undefined ? this.backend.getItem(this.key) : raw;
      if (raw !== null) this.backend.setItem(this.key + "/damaged/" + Date.now(), raw);
      this.backend.removeItem(this.key);
      what.split(" ").forEach(function (part) { if (this.damaged.indexOf(part) < 0) this.damaged.push(part); }, this);
      // the learner's messages: interface strings, space-separated
      this.status = this.damaged.map(function (part) { return MESSAGES[part]; }).join(" ");
    } catch (e) {
      this.backend = null; // never overwrite what we could not set aside
      this.status = "storage_blocked";
    }
  };

  C.Store.prototype.load = function () {
    var data = this.read();
    return data ? { attempts: data.attempts, current: data.current } : { attempts: [], current: null };
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
