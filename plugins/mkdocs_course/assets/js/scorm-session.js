/* SCORM: one session with the LMS, held by the package's launch page
   (launch.html), which shows the course in a frame. SCORM allows one
   Initialize and one Terminate per launch, while the course is many pages:
   the launch page stays while the learner moves between pages, so the
   session lasts as long as the launch. It

   - finds the LMS, initializes, reads mode, credit, the bookmark and
     suspend_data, and merges the LMS's attempts into the browser's storage
     by attempt id (C.mergeAttempts), and its pages read and activities
     (S.mergeRead, S.mergeActivity): neither copy is dropped;
   - reports, whenever the course's storage changes (the pages write it;
     the browser tells this window with `storage` events) and at the end:
     status, score, objectives, interactions, suspend_data, bookmark, exit;
   - commits shortly after an attempt is finished, when the course is hidden
     or left, and terminates once, when the learner leaves;
   - in browse or review mode shows the course and records nothing;
   - tells the learner plainly when the LMS refuses to save; the browser
     keeps the work, and the next session sends it again.
   Without an LMS the launch page simply shows the course. */
(function (C) {
  "use strict";

  var S = C.scorm = C.scorm || {};
  var SETTLE = 400; // ms after the last change before the LMS is told

  // Storage in memory when the browser blocks it (some third-party frames):
  // the LMS's suspend_data is then the only copy, and the pages use this one.
  S.memoryStorage = function (changed) {
    var map = new Map(), store = {
      getItem: function (k) { k = String(k); return map.has(k) ? map.get(k) : null; },
      setItem: function (k, v) { map.set(String(k), String(v)); changed(String(k)); },
      removeItem: function (k) { map.delete(String(k)); changed(String(k)); },
      key: function (i) { var keys = Array.from(map.keys()); return i < keys.length ? keys[i] : null; },
      clear: function () { map.clear(); changed(null); }
    };
    Object.defineProperty(store, "length", { get: function () { return map.size; } });
    return store;
  };

  S.usableStorage = function (win) {
    try {
      var s = win.localStorage, probe = "mkdocs-course/probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return true;
    } catch (e) {
      return false;
    }
  };

  S.useStorage = function (win, storage) {
    Object.defineProperty(win, "localStorage", { configurable: true, value: storage });
  };

  S.Session = function (win, data) {
    this.win = win;
    this.data = data;
    this.course = data.course;
    this.version = data.version;
    this.el = S.ELEMENTS[data.version];
    this.t = data.strings;
    this.started = Date.now();
    this.sent = {};
    this.reported = {};
    this.mark = 0;
    this.timer = null;
    this.ended = false;
  };

  var P = S.Session.prototype;

  P.start = function () {
    var self = this, win = this.win, api = S.findAPI(win, this.version);
    if (!S.usableStorage(win)) {
      this.storage = S.memoryStorage(function (key) { self.changedKey(key); });
      S.useStorage(win, this.storage);
    }
    this.lms = api ? new S.LMS(api, this.version) : null;
    if (this.lms && !this.lms.initialize()) {
      this.tell("error", this.lms.error);
      this.lms = null;
    }
    var lms = this.lms;
    this.mode = lms ? lms.get(this.el.mode) || "normal" : "normal";
    this.credit = lms ? lms.get(this.el.credit) || "credit" : "credit";
    // only "browse" and "review" stop recording: an LMS that sets nothing,
    // or something unknown, gets the learner's results
    this.record = !!lms && this.mode !== "browse" && this.mode !== "review";
    if (lms) this.resume(lms.get(this.el.suspend));
    if (lms && !this.record) this.tell("review");
    win.addEventListener("storage", function (event) { self.changedKey(event.key); });
    win.document.addEventListener("visibilitychange", function () {
      if (win.document.visibilityState === "hidden") self.save(true);
    });
    win.addEventListener("pagehide", function () { self.end(); });
    this.save(true);
    return this.page(lms ? lms.get(this.el.location) : "");
  };

  // -- the LMS's copy and the browser's ------------------------------------------

  P.load = function () {
    var stored = {}, course = this.course;
    course.modules.forEach(function (m) { stored[m.quiz] = new C.Store(course.id, m.quiz).load(); });
    return stored;
  };

  // The storage the pages write (the memory copy when the browser blocks it), or null.
  P.storageNow = function () {
    try { return this.win.localStorage; } catch (e) { return null; }
  };

  function answered(a) { return a && !a.finished && a.answers ? Object.keys(a.answers).length : -1; }

  P.resume = function (suspend) {
    var saved = S.unpack(this.course, suspend), self = this;
    if (!saved) return;
    this.mark = saved.mark;
    this.course.modules.forEach(function (m) {
      var theirs = saved.stored[m.quiz];
      if (!theirs) return;
      theirs.attempts.forEach(function (a) { if (a.finished) self.reported[a.id] = true; });
      var store = new C.Store(self.course.id, m.quiz), ours = store.load(), current = ours.current;
      var extra = [];
      if (theirs.current && (!current || current.id !== theirs.current.id)) {
        // keep the draft with more answers as the one to go on with, the other as abandoned
        var mine = answered(current), lmsDraft = theirs.current.finished ? 0 : answered(theirs.current);
        var keep = !current || (theirs.current.finished && !current.finished && mine <= 0) || lmsDraft > mine ? theirs.current : current;
        var other = keep === current ? theirs.current : current;
        if (other && !other.finished && answered(other) > 0) {
          other.abandoned = true;
          extra.push(other);
        }
        current = keep;
      }
      store.save({ attempts: C.mergeAttempts(ours.attempts, theirs.attempts.concat(extra)), current: current });
    });
    this.resumeExtras(saved);
  };

  // Pages read and activities from the LMS's copy into the browser's,
  // keeping both (S.mergeRead, S.mergeActivity).
  P.resumeExtras = function (saved) {
    var storage = this.storageNow(), id = this.course.id;
    if (!storage) return;
    function put(key, value, before) {
      var text = JSON.stringify(value);
      if (text === before) return;
      try { storage.setItem(key, text); } catch (e) { /* the LMS keeps its copy: sent again next time */ }
    }
    Object.keys(saved.pages).forEach(function (page) {
      var key = C.readKey(id, page), ours = C.readMark(storage, id, page);
      put(key, S.mergeRead(ours, saved.pages[page]), ours ? JSON.stringify(ours) : null);
    });
    Object.keys(saved.activities).forEach(function (a) {
      var key = C.activityKey(id, a), before = storage.getItem(key), ours = C.readActivity(storage, id, a);
      put(key, S.mergeActivity(C.isObject(ours) ? ours : null, saved.activities[a]), before);
    });
  };

  // A page read in both copies: the first time counts.
  S.mergeRead = function (ours, theirs) {
    return !ours || (theirs && theirs.read < ours.read) ? theirs : ours;
  };

  // An activity saved in both copies, nothing of either lost
  // (C.mergeActivity): the copy changed last first.
  S.mergeActivity = function (ours, theirs) {
    if (!ours) return theirs;
    var newer = String(theirs.updated || "") > String(ours.updated || "") ? theirs : ours;
    return C.mergeActivity(newer, newer === ours ? theirs : ours);
  };

  // -- reporting -------------------------------------------------------------------

  // A key of storage changed (null: all of them): report soon when it is the course's.
  P.changedKey = function (key) {
    if (key === null || key.indexOf("mkdocs-course/" + this.course.id + "/") === 0) this.changed();
  };

  // Something in the course's storage changed: report soon.
  P.changed = function () {
    var self = this;
    if (this.timer) this.win.clearTimeout(this.timer);
    this.timer = this.win.setTimeout(function () {
      self.timer = null;
      self.save(false);
    }, SETTLE);
  };

  P.put = function (element, value) {
    if (this.sent[element] === value) return true;
    if (!this.lms.set(element, value)) return false;
    this.sent[element] = value;
    return true;
  };

  // Tell the LMS what changed; commit when asked to or when an attempt was
  // finished since the last commit.
  P.save = function (commit) {
    if (!this.record || this.ended) return;
    var lms = this.lms, stored = this.load(), ok = true, self = this;
    var state = S.courseState(this.course, stored, this.storageNow());
    var values = S.values(this.version, this.course, state);
    Object.keys(values).forEach(function (element) { ok = self.put(element, values[element]) && ok; });
    var fresh = this.interactions(stored);
    if (fresh === false) ok = false;
    else if (fresh) commit = true;
    var packed = S.pack(this.course, stored, this.data.limit, this.mark, S.extras(this.course, this.storageNow()));
    ok = this.put(this.el.suspend, packed.text) && ok;
    ok = this.put(this.el.exit, state.complete ? (this.version === "1.2" ? "" : "normal") : "suspend") && ok;
    if (this.location) ok = this.put(this.el.location, this.location) && ok;
    if (commit) {
      ok = lms.set(this.el.session, S.duration(this.version, Date.now() - this.started)) && ok;
      ok = lms.commit() && ok;
    }
    if (!ok) this.tell("error", lms.error);
    else if (commit && this.failing) this.tell("saved");
  };

  // Send the interactions of attempts finished since the last report;
  // true when there were some, false when the LMS refused one.
  P.interactions = function (stored) {
    var self = this, fresh = [], lms = this.lms;
    this.course.modules.forEach(function (m) {
      ((stored[m.quiz] && stored[m.quiz].attempts) || []).forEach(function (a) {
        if (a.finished && typeof a.score === "number" && !self.reported[a.id] && Date.parse(a.finished) > self.mark) {
          fresh.push({ module: m, attempt: a });
        }
      });
    });
    if (!fresh.length) return null;
    fresh.sort(function (x, y) { return String(x.attempt.finished).localeCompare(String(y.attempt.finished)); });
    var n = parseInt(lms.get(this.el.interactions), 10) || 0, ok = true;
    fresh.forEach(function (x) {
      S.interactions(self.version, x.module, x.attempt).forEach(function (fields) {
        var base = "cmi.interactions." + n + ".";
        fields.forEach(function (f) { ok = lms.set(base + f[0], f[1]) && ok; });
        n++;
      });
      self.reported[x.attempt.id] = true;
      self.mark = Math.max(self.mark, Date.parse(x.attempt.finished));
    });
    return ok;
  };

  // Commit what is pending, set the exit, and terminate: once.
  P.end = function () {
    if (this.ended || !this.lms) return;
    if (this.timer) this.win.clearTimeout(this.timer);
    this.save(true);
    this.ended = true;
    this.lms.finish();
  };

  // -- the pages ---------------------------------------------------------------------

  // The page to open: the bookmark when it is a page of this package.
  P.page = function (bookmark) {
    var start = this.data.start;
    if (/^[A-Za-z0-9][A-Za-z0-9._~\/-]*$/.test(bookmark || "") && bookmark.indexOf("..") < 0 &&
        this.data.pages.indexOf(bookmark) >= 0) return bookmark;
    return start;
  };

  // A page of the course was shown: remember it as the bookmark.
  P.visit = function (href) {
    var base = this.win.location.href.replace(/[^\/]*([?#].*)?$/, ""), url = String(href).split("#")[0];
    if (url.indexOf(base) !== 0) return;
    var page = url.slice(base.length);
    if (page.length > this.el.locationMax) return;
    this.location = page;
    this.changed();
  };

  // What the learner reads: review mode, or the LMS refusing to save.
  P.tell = function (what, error) {
    var box = this.win.document.querySelector("[data-course-lms-status]"), t = this.t;
    if (!box) return;
    this.failing = what === "error";
    var text = what === "review" ? t.review :
      what === "saved" ? t.saved :
      C.format(t.error, { error: error ? [error.code, error.text].filter(Boolean).join(" ") || error.call : "" });
    box.setAttribute("data-course-lms-status", what);
    box.setAttribute("role", what === "error" ? "alert" : "status");
    box.textContent = text;
    box.hidden = false;
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
