/* Certificates: the hashes that name a course version and a certificate,
   and drawing a certificate into the page. Learner data is only ever set
   as text (textContent), never parsed as HTML. The hashes match
   progress/outline.py (course_version, certificate_id), so trainer tools
   can recompute them. */
(function (C) {
  "use strict";

  // SHA-256 of a string's UTF-8 bytes, as hex. Written out because
  // crypto.subtle is missing on plain-http addresses and is asynchronous.
  var K = [], H0 = [];
  (function () {
    var n = 2, found = 0;
    while (found < 64) {
      var prime = true;
      for (var d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
      if (prime) {
        if (found < 8) H0.push((Math.pow(n, 1 / 2) % 1) * 4294967296 | 0);
        K.push((Math.pow(n, 1 / 3) % 1) * 4294967296 | 0);
        found++;
      }
      n++;
    }
  })();

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  C.sha256 = function (text) {
    var bytes = new TextEncoder().encode(text), n = bytes.length;
    var words = new Array((((n + 8) >> 6) + 1) * 16).fill(0);
    for (var i = 0; i < n; i++) words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8);
    words[n >> 2] |= 0x80 << (24 - (n % 4) * 8);
    words[words.length - 1] = n * 8;
    var H = H0.slice(), W = new Array(64);
    for (var j = 0; j < words.length; j += 16) {
      for (var t = 0; t < 64; t++) {
        if (t < 16) W[t] = words[j + t] | 0;
        else {
          var a = W[t - 15], b = W[t - 2];
          W[t] = ((rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + W[t - 16] + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)) + W[t - 7]) | 0;
        }
      }
      var h = H.slice();
      for (t = 0; t < 64; t++) {
        var e = h[4], f = h[0];
        var t1 = (h[7] + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & h[5]) ^ (~e & h[6])) + K[t] + W[t]) | 0;
        var t2 = ((rotr(f, 2) ^ rotr(f, 13) ^ rotr(f, 22)) + ((f & h[1]) ^ (f & h[2]) ^ (h[1] & h[2]))) | 0;
        h = [(t1 + t2) | 0, f, h[1], h[2], (h[3] + t1) | 0, e, h[5], h[6]];
      }
      for (t = 0; t < 8; t++) H[t] = (H[t] + h[t]) | 0;
    }
    return H.map(function (x) { return ("0000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  };

  // versions: {quizId: version}, readings: the ids of pages to read,
  // activities: the ids of activities to do; the same text as
  // outline.course_version.
  C.courseVersion = function (versions, readings, activities) {
    function lines(ids, prefix) {
      return Array.from(new Set(ids || [])).sort().map(function (id) { return prefix + id + "\n"; }).join("");
    }
    return C.sha256(Object.keys(versions).sort().map(function (id) {
      return id + ":" + versions[id] + "\n";
    }).join("") + lines(readings, "read/") + lines(activities, "activity/")).slice(0, 12);
  };

  C.normaliseName = function (name) {
    return String(name).normalize("NFC").split(/\s+/).filter(Boolean).join(" ");
  };

  C.certificateId = function (course, version, name, attemptIds) {
    var lines = [course, version, C.normaliseName(name)].concat(attemptIds.slice().sort());
    var hex = C.sha256(lines.join("\n")).slice(0, 12).toUpperCase();
    return hex.slice(0, 4) + "-" + hex.slice(4, 8) + "-" + hex.slice(8);
  };

  // Right-to-left text (an Arabic date) set inside a sentence keeps its
  // order whatever the sentence's direction: wrap it in a bidi isolate.
  C.isolate = function (text) {
    return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(text) ? "\u2068" + text + "\u2069" : text;
  };

  // Fill the certificate rendered by the build (templates/progress.html).
  // data: {name, date, modules: [{title, score, date}], version, current, id}
  C.drawCertificate = function (root, data, t) {
    function set(hook, text) { root.querySelector("[data-course-certificate-" + hook + "]").textContent = text; }
    set("name", data.name);
    set("date", C.format(t.certificate_date, { date: C.isolate(C.date(data.date)) }));
    set("version", data.version === data.current ?
      C.format(t.certificate_version, { version: data.version }) :
      C.format(t.certificate_version_older, { version: data.version, current: data.current }));
    set("id", C.format(t.certificate_id, { id: data.id }));
    var body = root.querySelector("[data-course-certificate-modules]");
    body.textContent = "";
    data.modules.forEach(function (m) {
      var row = C.el("tr");
      row.appendChild(C.el("th", "", m.title)).setAttribute("scope", "row");
      row.appendChild(C.el("td", "", m.activity ? t.certificate_done : m.score === null ? t.certificate_read :
        C.format(t.certificate_percent, { score: m.score.toLocaleString(C.lang()) })));
      row.appendChild(C.el("td", "", C.date(m.date)));
      body.appendChild(row);
    });
    root.querySelector("[data-course-certificate-id]").setAttribute("data-course-certificate-id", data.id);
    root.classList.toggle("course-certificate--compact", data.modules.length > 8);
    root.hidden = false;
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
