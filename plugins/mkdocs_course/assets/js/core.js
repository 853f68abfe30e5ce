/* mkdocs-course runtime: shared helpers. Everything lives under one
   namespace, window.mkdocsCourse; modules may be evaluated more than once
   (Material's instant navigation re-runs page scripts), so each only
   (re)defines functions and never registers listeners twice. */
(function (C) {
  "use strict";

  // Fill {name} placeholders; unknown names (a translator's "{constructor}"
  // too) are left as written.
  C.format = function (template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) && values[name] !== undefined ? String(values[name]) : all;
    });
  };

  function bytes(base64) {
    var text = atob(base64), out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  // Reverse the build's light masking of the answer key (see render.py).
  C.decodeKey = function (key, salt) {
    var data = bytes(key), mask = bytes(salt);
    for (var i = 0; i < data.length; i++) data[i] ^= mask[i % mask.length];
    return JSON.parse(new TextDecoder().decode(data));
  };

  C.shuffle = function (list) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  };

  C.uid = function () {
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  };

  // Pick a plural form: `table` gives the form index for n = 0..199
  // (built from the language's gettext plural rule).
  C.plural = function (forms, n, table) {
    if (!Array.isArray(forms)) return forms;
    var i = +(table || "").charAt(n < 200 ? n : 100 + (n % 100)) || 0;
    return forms[Math.min(i, forms.length - 1)];
  };

  C.num = function (n) {
    try { return Number(n).toLocaleString(C.lang()); } catch (e) { return String(n); }
  };

  C.lang = function () {
    return document.documentElement.lang || undefined;
  };

  C.date = function (iso) {
    try {
      return new Date(iso).toLocaleDateString(C.lang(), { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      return String(iso).slice(0, 10);
    }
  };

  // Build an element; text is always set as text, never parsed as HTML.
  C.el = function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
