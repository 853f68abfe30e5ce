/* The course's service worker: one language site, kept on the device.
   The build writes the BUILD line: the course id, the build's version (a
   hash of the list) and the precache list, [address relative to the scope,
   first 16 hex digits of the file's SHA-256].
   - install: fill this version's cache. A file whose hash an older cache of
     this scope already holds is copied from there, not downloaded; every
     download is checked against its hash, so a cache never mixes two builds
     (a host half-way through a deploy makes the install fail and the browser
     tries again later).
   - activate: only when the page asks (the learner chose "Reload") or when
     no page of the old version is open; then the older caches go.
   - fetch: files of the list from this version's cache; everything else from
     the network as usual; a page that is neither gets the cached 404 page. */
"use strict";

var BUILD = {};

var SCOPE = self.registration.scope;
var PREFIX = "mkdocs-course " + SCOPE + " ";
var CACHE = PREFIX + BUILD.version;
var HASH = "X-Course-Hash";
var PARALLEL = 6;
var HASHES = new Map(BUILD.files.map(function (f) { return [new URL(f[0], SCOPE).href, f[1]]; }));

// The cache's key for a request: index.html named or not, no query, no fragment.
function keyOf(url) {
  var u = new URL(url);
  u.search = "";
  u.hash = "";
  if (u.pathname.slice(-11) === "/index.html") u.pathname = u.pathname.slice(0, -10);
  return u.href;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer)).map(function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
}

function stored(response, body, hash) {
  var headers = new Headers();
  headers.set("Content-Type", response.headers.get("Content-Type") || "application/octet-stream");
  headers.set(HASH, hash);
  return new Response(body, { status: 200, headers: headers });
}

async function olderCaches() {
  var names = await caches.keys();
  var older = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
  return Promise.all(older.map(function (name) { return caches.open(name); }));
}

async function reused(url, hash, older) {
  for (var i = 0; i < older.length; i++) {
    var hit = await older[i].match(url);
    if (hit && hit.headers.get(HASH) === hash) return hit;
  }
  return null;
}

async function download(url, hash) {
  var response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(url + ": the server answered " + response.status);
  var body = await response.arrayBuffer();
  var got = hex(await crypto.subtle.digest("SHA-256", body)).slice(0, 16);
  if (got !== hash) throw new Error(url + ": the server sent another version of this file than the course's build lists");
  return stored(response, body, hash);
}

async function fill() {
  var cache = await caches.open(CACHE), older = await olderCaches();
  var queue = Array.from(HASHES.entries());
  async function next() {
    var item = queue.shift();
    if (!item) return;
    var url = item[0], hash = item[1], have = await cache.match(url);
    if (!have || have.headers.get(HASH) !== hash) {
      var response = await reused(url, hash, older) || await download(url, hash);
      await cache.put(url, response);
    }
    return next();
  }
  var runs = [];
  for (var i = 0; i < PARALLEL; i++) runs.push(next());
  await Promise.all(runs);
}

self.addEventListener("install", function (event) {
  event.waitUntil(fill());
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "mkdocs-course:activate") self.skipWaiting();
  if (data.type === "mkdocs-course:version" && event.source) {
    event.source.postMessage({ type: "mkdocs-course:version", version: BUILD.version, files: BUILD.files.length });
  }
});

async function answer(request, key) {
  var cache = await caches.open(CACHE);
  var hit = HASHES.has(key) ? await cache.match(key) : null;
  if (hit) return hit;
  try {
    return await fetch(request);
  } catch (e) {
    var missing = request.mode === "navigate" && BUILD.notFound ? await cache.match(new URL(BUILD.notFound, SCOPE).href) : null;
    if (!missing) throw e;
    return new Response(missing.body, { status: 404, headers: missing.headers });
  }
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  var key = keyOf(request.url);
  if (!HASHES.has(key) && request.mode !== "navigate") return;
  event.respondWith(answer(request, key));
});
