/* Written by `serve` instead of the course's worker: a worker left on this
   address by an earlier build (a preview on the same port) would show stale
   pages. This one takes over at once, deletes the course's caches of its
   scope, unregisters itself and reloads the open pages from the network. */
"use strict";

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  var prefix = "mkdocs-course " + self.registration.scope + " ";
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(prefix) === 0; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () {
    return self.registration.unregister();
  }).then(function () {
    return self.clients.matchAll({ type: "window" });
  }).then(function (pages) {
    pages.forEach(function (page) { page.navigate(page.url); });
  }));
});
