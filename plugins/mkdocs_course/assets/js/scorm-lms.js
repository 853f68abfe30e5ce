/* SCORM: finding the LMS's API object and calling it, for SCORM 1.2 (API)
   or 2004 (API_1484_11). Every call is guarded: an LMS that throws or
   answers "false" is noted (this.error), never allowed to stop the course. */
(function (C) {
  "use strict";

  var S = C.scorm = C.scorm || {};
  var MAX_FRAMES = 10;

  var CALLS = {
    "1.2": { name: "API", init: "LMSInitialize", finish: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue",
      commit: "LMSCommit", error: "LMSGetLastError", text: "LMSGetErrorString" },
    "2004": { name: "API_1484_11", init: "Initialize", finish: "Terminate", get: "GetValue", set: "SetValue",
      commit: "Commit", error: "GetLastError", text: "GetErrorString" }
  };

  // The data model's names for what the bridge reads and writes.
  S.ELEMENTS = {
    "1.2": { mode: "cmi.core.lesson_mode", credit: "cmi.core.credit", status: "cmi.core.lesson_status",
      suspend: "cmi.suspend_data", location: "cmi.core.lesson_location", exit: "cmi.core.exit",
      session: "cmi.core.session_time", interactions: "cmi.interactions._count", locationMax: 255 },
    "2004": { mode: "cmi.mode", credit: "cmi.credit", status: "cmi.completion_status",
      suspend: "cmi.suspend_data", location: "cmi.location", exit: "cmi.exit",
      session: "cmi.session_time", interactions: "cmi.interactions._count", locationMax: 1000 }
  };

  function lookup(win, name) {
    for (var n = 0; win && n <= MAX_FRAMES; n++) {
      try {
        if (win[name]) return win[name];
      } catch (e) { /* a frame of another origin: its parents may still hold it */ }
      var parent;
      try { parent = win.parent; } catch (e) { return null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  // The API in this window or its parents, then in the opener's (a course
  // opened in a new window), as the SCORM run-time environment describes.
  S.findAPI = function (win, version) {
    var name = CALLS[version].name, api = lookup(win, name);
    if (api) return api;
    try {
      var top = win.top, opener = top && top.opener;
      if (opener && opener !== win) api = lookup(opener, name);
    } catch (e) { /* an opener of another origin */ }
    return api || null;
  };

  S.LMS = function (api, version) {
    this.api = api;
    this.version = version;
    this.calls = CALLS[version];
    this.error = null;
  };

  var L = S.LMS.prototype;

  L.call = function (what, args) {
    var fn = this.calls[what], result;
    try {
      result = this.api[fn].apply(this.api, args);
    } catch (e) {
      this.error = { call: fn, code: "", text: String((e && e.message) || e) };
      return null;
    }
    return result;
  };

  L.lastError = function (fn) {
    var code = "", text = "";
    try {
      code = String(this.api[this.calls.error]());
      text = code && code !== "0" ? String(this.api[this.calls.text](code)) : "";
    } catch (e) { /* the LMS cannot say */ }
    return { call: fn, code: code, text: text };
  };

  // "true" from the LMS; anything else is noted as this.error.
  L.ok = function (what, args) {
    var result = this.call(what, args);
    if (result === null) return false;
    if (String(result) === "true") return true;
    this.error = this.lastError(this.calls[what]);
    if (args && args.length > 1) this.error.element = args[0];
    return false;
  };

  L.initialize = function () { return this.ok("init", [""]); };
  L.finish = function () { return this.ok("finish", [""]); };
  L.commit = function () { return this.ok("commit", [""]); };
  L.set = function (element, value) { return this.ok("set", [element, String(value)]); };

  // The value, or "" when the LMS has none (not being set is no error).
  L.get = function (element) {
    var result = this.call("get", [element]);
    return result === null || result === undefined ? "" : String(result);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
