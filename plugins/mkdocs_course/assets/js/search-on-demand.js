/* Material's search, fetched when the learner first reaches for it. Material
   starts its search worker (12 KB gzipped) and fetches the site's search
   index (about 30 KB for 100 pages) as every page loads, although most pages
   are read without searching. This script, set inline before Material's
   bundle, holds both back until the learner opens search (the search button
   or a keyboard shortcut: the search field gets focus or the search toggle
   turns on), or the address asks for search (?q=) or for highlighting (?h=).
   Material's own code then runs as it would have at load: the worker and the
   index are fetched at that moment, and search shows "Initializing search"
   for as long as they take.

   Only the index's request and the search worker are held: every other
   request and worker passes through untouched. Not used in the offline copy
   (file://), where Material already waits for search to be opened. */
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.XMLHttpRequest || !window.EventTarget) return;

  var INDEX = /\/search\/search_index\.json$/, WORKER = /\/workers\/search\.[^/]*\.js$/;
  var wanted = /[?&][qh]=/.test(location.search), later = [];

  function want() {
    if (wanted) return;
    wanted = true;
    later.splice(0).forEach(function (go) { go(); });
  }

  function path(url) {
    try { return new URL(String(url), location.href).pathname; } catch (e) { return ""; }
  }

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.mkdocsCourseIndex = INDEX.test(path(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.mkdocsCourseIndex || wanted) return send.apply(request, args);
    later.push(function () { send.apply(request, args); });
  };

  var Real = window.Worker;
  if (Real) {
    window.Worker = function (url, options) {
      if (!WORKER.test(path(url))) return new Real(url, options);
      // Stands for the worker until search is wanted; messages the page
      // sends before then wait, in order, for the real one.
      var page = new EventTarget(), real = null, queue = [];
      function start() {
        if (real) return;
        real = new Real(url, options);
        real.onmessage = function (event) { page.dispatchEvent(new MessageEvent("message", { data: event.data })); };
        queue.splice(0).forEach(function (data) { real.postMessage(data); });
      }
      page.postMessage = function (data) {
        if (real) return real.postMessage(data);
        queue.push(data);
      };
      page.terminate = function () { if (real) real.terminate(); };
      if (wanted) start(); else later.push(start);
      return page;
    };
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) want();
  }, true);
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (toggle.getAttribute && toggle.getAttribute("data-md-toggle") === "search" && toggle.checked) want();
  }, true);
})();
