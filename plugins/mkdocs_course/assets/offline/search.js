/* Material's search in the offline copy, opened from files (file://): a
   browser will not start a worker from a file, so Material's search worker
   runs on the page instead. Its code and the Lunr languages it needs are in
   assets/course/search-worker.js (written by `mkdocs-course export offline`),
   loaded when search is first used; Material itself reads the index from
   search/search_index.js. Must run before Material's bundle. */
(function (C) {
  "use strict";

  var Real = window.Worker, SEARCH = /\/workers\/search\.[^/]*\.js$/;
  var meta = document.querySelector('meta[name="mkdocs-course-offline"]');
  var root = new URL(meta ? meta.getAttribute("data-course-scope") || "./" : "./", location.href);

  function load(done) {
    if (C.searchWorker) return done();
    var script = document.createElement("script");
    script.src = new URL("assets/course/search-worker.js", root).href;
    script.onload = done;
    document.head.appendChild(script);
  }

  function PageWorker() {
    var page = new EventTarget(), inside = new EventTarget(), queue = null, started = false;
    // The worker's global scope. Material's worker and Lunr's languages
    // also name `lunr` as a global, so it is one on the page too.
    var scope = {};
    Object.defineProperty(scope, "lunr", {
      get: function () { return window.lunr; },
      set: function (value) { window.lunr = value; }
    });
    function deliver(target, data) {
      setTimeout(function () { target.dispatchEvent(new MessageEvent("message", { data: data })); }, 0);
    }
    function importScripts() {
      for (var i = 0; i < arguments.length; i++) {
        var run = C.searchLanguages && C.searchLanguages[String(arguments[i]).split("/").pop()];
        if (run) run.call(scope, window.lunr);
      }
    }
    function start() {
      C.searchWorker.call(scope, scope, inside.addEventListener.bind(inside), function (data) { deliver(page, data); }, importScripts);
      started = true;
      (queue || []).forEach(function (data) { deliver(inside, data); });
      queue = null;
    }
    page.postMessage = function (data) {
      if (started) return deliver(inside, data);
      if (queue) return queue.push(data);
      queue = [data];
      load(start);
    };
    page.terminate = function () {};
    return page;
  }

  window.Worker = function (url, options) {
    if (SEARCH.test(new URL(String(url), location.href).pathname)) return PageWorker();
    return new Real(url, options);
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
