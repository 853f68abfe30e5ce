/* The course on the learner's device: registers the service worker (sw.js),
   offers a new version ("Reload"), asks the browser to keep saved progress,
   offers "Install this course", and fills the "On this device" part of the
   progress page. Loaded on every page; <meta name="mkdocs-course-offline">
   holds the worker's address (data-course-worker: left out under serve and
   in packages that must hold no worker, such as SCORM), the site's root and
   the words. An offline copy opened from files (file://) registers nothing:
   it checks instead whether this browser shares saved progress between the
   copy's pages, and says so when it does not. */
(function (C) {
  "use strict";

  if (C.offlineStarted) return;
  C.offlineStarted = true;
  var meta = document.querySelector('meta[name="mkdocs-course-offline"]');
  if (!meta) return;
  var sw = navigator.serviceWorker;
  var root = new URL(meta.getAttribute("data-course-scope") || "./", location.href);
  var worker = meta.getAttribute("data-course-worker");
  var state = C.offline = { worker: "none", persisted: null, installable: null, installed: false, files: "" };
  var framed = (function () { try { return window.top !== window.self; } catch (e) { return true; } })();

  function word(name) { return meta.getAttribute("data-course-text-" + name) || ""; }

  // -- the worker -------------------------------------------------------------
  function watch(reg, next) {
    if (!next) return;
    function seen() {
      if (next.state === "installed" && sw.controller) offerUpdate(reg);
      if (next.state === "activated" || next.state === "redundant") readState(reg);
    }
    next.addEventListener("statechange", seen);
    seen();  // it may have moved on before this page listened
  }

  function readState(reg) {
    state.worker = reg.active ? "ready" : (reg.installing || reg.waiting) ? "saving" : "failed";
    render();
  }

  function register() {
    var hadController = !!sw.controller, reloading = false;
    sw.addEventListener("controllerchange", function () {
      // a new version took over (the learner chose "Reload" here or in
      // another tab): no page of the old version may go on running
      if (hadController && !reloading) {
        reloading = true;
        location.reload();
      }
      hadController = true;
    });
    sw.register(new URL(worker, location.href).href, { scope: root.pathname }).then(function (reg) {
      C.offline.registration = reg;
      if (reg.waiting && sw.controller) offerUpdate(reg);
      if (reg.installing) watch(reg, reg.installing);
      reg.addEventListener("updatefound", function () { watch(reg, reg.installing); });
      readState(reg);
      checkOnNavigation(reg);
    }, function () {
      state.worker = "failed";
      render();
    });
  }

  // Instant navigation makes no real page loads, so the browser would rarely
  // look for a new build: look on every page shown, at most every 5 minutes.
  function checkOnNavigation(reg) {
    var last = Date.now(), pages = window.document$;
    if (!pages || typeof pages.subscribe !== "function") return;
    pages.subscribe(function () {
      if (Date.now() - last < 300000) return;
      last = Date.now();
      reg.update().catch(function () {});
    });
  }

  function offerUpdate(reg) {
    if (document.querySelector("[data-course-update]")) return;
    var bar = document.createElement("div"), text = document.createElement("p"), button = document.createElement("button");
    bar.className = "course-update";
    bar.setAttribute("data-course-update", "");
    bar.setAttribute("role", "status");
    text.textContent = word("update");
    button.type = "button";
    button.className = "course-button";
    button.textContent = word("reload");
    button.addEventListener("click", function () {
      button.disabled = true;
      if (reg.waiting) reg.waiting.postMessage({ type: "mkdocs-course:activate" });
      // the new worker's controllerchange reloads; this is for a worker that
      // another tab already activated
      setTimeout(function () { location.reload(); }, 3000);
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  // -- keeping saved progress -------------------------------------------------
  var asked = false;
  function readPersisted() {
    var s = navigator.storage;
    if (!s || typeof s.persisted !== "function") return Promise.resolve(null);
    return s.persisted().catch(function () { return null; });
  }

  // After the first answer checked, self-assessment result shown or action
  // plan field changed: the learner has something worth keeping, and
  // browsers that ask (Firefox) ask about a page the learner is using.
  function persist() {
    if (asked) return;
    asked = true;
    var s = navigator.storage;
    if (!s || typeof s.persist !== "function") return;
    readPersisted().then(function (kept) {
      return kept ? kept : s.persist();
    }).then(function (kept) {
      state.persisted = !!kept;
      render();
    }, function () {});
  }

  // -- installing -------------------------------------------------------------
  var prompt = null;
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    prompt = event;
    state.installable = true;
    render();
  });
  window.addEventListener("appinstalled", function () {
    prompt = null;
    state.installable = false;
    state.installed = true;
    render();
  });

  function install() {
    if (!prompt) return;
    var shown = prompt;
    prompt = null;
    state.installable = false;
    shown.prompt();
    shown.userChoice.then(function (choice) {
      state.installed = choice.outcome === "accepted";
      render();
    }, function () {});
    render();
  }

  // -- the "On this device" part of the progress page -------------------------
  function strings(box) {
    var el = box.querySelector("template[data-course-offline-strings]");
    try {
      return JSON.parse(el ? el.innerHTML : "{}");
    } catch (e) {
      return {};
    }
  }

  function show(el, text) {
    if (!el) return;
    el.textContent = text || "";
    el.hidden = !text;
  }

  function render() {
    var box = document.querySelector("[data-course-offline-status]");
    if (!box) return;
    var t = strings(box), file = location.protocol === "file:";
    var standalone = window.matchMedia && window.matchMedia("(display-mode: standalone)").matches;
    var ready = file ? t.offline_copy : !worker || !sw || framed ? t.offline_unsupported : t["offline_" + state.worker];
    show(box.querySelector("[data-course-offline-ready]"), ready);
    show(box.querySelector("[data-course-offline-files]"), file ? t["offline_copy_" + state.files] : "");
    var kept = state.persisted;
    show(box.querySelector("[data-course-offline-persist]"), kept === true ? t.offline_persisted : t.offline_not_persisted);
    box.setAttribute("data-course-offline-worker", file ? "file" : state.worker);
    box.setAttribute("data-course-offline-persisted", kept === true ? "true" : kept === false ? "false" : "unknown");
    var installed = state.installed || standalone;
    show(box.querySelector("[data-course-offline-installed]"), installed ? t.offline_installed : "");
    var offer = box.querySelector("[data-course-offline-install]");
    if (offer) offer.hidden = !(state.installable && !installed);
    box.hidden = false;
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest("[data-course-check], [data-course-show-results]")) persist();
    if (target.closest("[data-course-install]")) install();
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.closest("[data-course-field]")) persist();
  });

  // -- an offline copy opened from files --------------------------------------
  // Chromium gives every file:// page one storage; Firefox gives each file its
  // own. A hidden page of the copy (storage-probe.html) reads a token this
  // page has just saved and posts back what it read.
  function checkFiles() {
    var key = "mkdocs-course/file-probe", token = String(Math.random()).slice(2), frame;
    try {
      window.localStorage.setItem(key, token);
    } catch (e) {
      state.files = "blocked";
      return render();
    }
    state.files = "unknown";
    var timer = setTimeout(function () { finish("unknown"); }, 5000);
    function finish(result) {
      clearTimeout(timer);
      window.removeEventListener("message", onMessage);
      if (frame) frame.remove();
      state.files = result;
      if (result === "separate") warn();
      render();
    }
    function onMessage(event) {
      var data = event.data;
      if (!frame || event.source !== frame.contentWindow || !data || data.type !== "mkdocs-course:file-probe") return;
      finish(data.token === token ? "shared" : "separate");
    }
    window.addEventListener("message", onMessage);
    frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.src = new URL("assets/course/storage-probe.html", root).href;
    document.body.appendChild(frame);
  }

  // On a page that saves or shows progress, say at once that it stays here.
  function warn() {
    var place = document.querySelector("[data-course-quiz], [data-course-progress]");
    if (!place || document.querySelector("[data-course-files-separate]")) return;
    var note = document.createElement("p");
    note.className = "course-files-separate";
    note.setAttribute("data-course-files-separate", "");
    note.setAttribute("role", "note");
    note.textContent = word("separate");
    place.parentNode.insertBefore(note, place);
  }

  // -- start ------------------------------------------------------------------
  readPersisted().then(function (kept) {
    state.persisted = kept;
    render();
  });
  if (location.protocol === "file:") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", checkFiles);
    else checkFiles();
  } else if (sw && !framed) {
    if (worker) register();
    else sw.getRegistration(root.href).then(function (reg) { if (reg) reg.unregister(); }, function () {});
  }
  var pages = window.document$;
  if (pages && typeof pages.subscribe === "function") {
    pages.subscribe(function () {
      render();
      if (state.files === "separate") warn();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})(window.mkdocsCourse = window.mkdocsCourse || {});
