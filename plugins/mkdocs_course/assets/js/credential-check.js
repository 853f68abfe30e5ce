/* Checking a signed certificate (an Open Badges 3.0 credential with an
   eddsa-rdfc-2022 Data Integrity proof) against this site's issuer, with no
   network: the JSON-LD contexts and the issuer's DID document come from the
   page. Canonicalization is jsonld.js (window.jsonld, loaded before this);
   hashing and Ed25519 are the browser's Web Crypto.

   C.checkCredential(text, setup) resolves to
   {status, reason?, detail?, credential?}: status is "valid", "expired",
   "not-yet", "invalid", "foreign", "unknown-key" or "unsupported". Pure: no
   DOM. */
(function (C) {
  "use strict";

  var VC_V2 = "https://www.w3.org/ns/credentials/v2";
  var B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  function own(object, key) {
    return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function list(value) {
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  }

  C.base58 = function (text) {
    var bytes = []; // little-endian
    for (var i = 0; i < text.length; i++) {
      var carry = B58.indexOf(text.charAt(i));
      if (carry < 0) return null;
      for (var j = 0; j < bytes.length; j++) {
        carry += bytes[j] * 58;
        bytes[j] = carry & 255;
        carry >>= 8;
      }
      while (carry) { bytes.push(carry & 255); carry >>= 8; }
    }
    for (var k = 0; k < text.length && text.charAt(k) === "1"; k++) bytes.push(0);
    return new Uint8Array(bytes.reverse());
  };

  function multibase(text) {
    return typeof text === "string" && text.charAt(0) === "z" ? C.base58(text.slice(1)) : null;
  }

  // What the credential must be before its signature is worth checking.
  function shape(credential) {
    if (!isObject(credential)) return "JSON object";
    var context = own(credential, "@context");
    if (!Array.isArray(context) || context[0] !== VC_V2) return "@context";
    if (list(own(credential, "type")).indexOf("OpenBadgeCredential") < 0) return "type";
    var issuer = own(credential, "issuer");
    if (!isObject(issuer) || typeof own(issuer, "id") !== "string") return "issuer";
    var subject = own(credential, "credentialSubject");
    if (!isObject(subject) || !isObject(own(subject, "achievement"))) return "credentialSubject";
    if (typeof own(credential, "validFrom") !== "string") return "validFrom";
    if (!isObject(own(credential, "proof"))) return "proof";
    return "";
  }

  C.credentialSupport = function () {
    if (!window.crypto || !crypto.subtle || !window.jsonld) return Promise.resolve(false);
    // a throwaway key proves the browser knows Ed25519
    var key = new Uint8Array(32);
    return crypto.subtle.importKey("raw", key, { name: "Ed25519" }, false, ["verify"])
      .then(function () { return true; }, function () { return false; });
  };

  function canonical(document, contexts) {
    return window.jsonld.canonize(document, {
      algorithm: "RDFC-1.0", format: "application/n-quads", safe: true,
      documentLoader: function (url) {
        if (!Object.prototype.hasOwnProperty.call(contexts, url)) {
          return Promise.reject(new Error("unknown context " + url));
        }
        return Promise.resolve({ contextUrl: null, documentUrl: url, document: contexts[url] });
      }
    });
  }

  function sha256(text) {
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (d) { return new Uint8Array(d); });
  }

  function joined(a, b) {
    var out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
  }

  function fieldProblem(error) {
    var details = error && error.details;
    var property = details && details.event && details.event.details && (details.event.details.property || details.event.details.term);
    return property || (details && details.url) || (error && error.message) || String(error);
  }

  C.checkCredential = function (text, setup, now) {
    var credential;
    try {
      credential = JSON.parse(text);
    } catch (e) {
      return Promise.resolve({ status: "invalid", reason: "json" });
    }
    var missing = shape(credential);
    if (missing) return Promise.resolve({ status: "invalid", reason: "shape", detail: missing });
    var issuer = credential.issuer;
    if (issuer.id !== setup.did) {
      return Promise.resolve({ status: "foreign", detail: typeof issuer.name === "string" ? issuer.name : issuer.id });
    }
    var proof = credential.proof;
    if (proof.type !== "DataIntegrityProof" || proof.cryptosuite !== "eddsa-rdfc-2022" || proof.proofPurpose !== "assertionMethod") {
      return Promise.resolve({ status: "invalid", reason: "proof" });
    }
    var doc = setup.didDocument, method = null;
    if (list(doc.assertionMethod).indexOf(proof.verificationMethod) >= 0) {
      method = list(doc.verificationMethod).filter(function (m) {
        return m.id === proof.verificationMethod && m.controller === setup.did && m.type === "Multikey";
      })[0] || null;
    }
    var raw = method && multibase(method.publicKeyMultibase);
    if (!raw || raw.length !== 34 || raw[0] !== 0xed || raw[1] !== 0x01) return Promise.resolve({ status: "unknown-key" });
    var signature = multibase(proof.proofValue);
    if (!signature || signature.length !== 64) return Promise.resolve({ status: "invalid", reason: "signature" });
    var unsecured = {}, options = {};
    Object.keys(credential).forEach(function (k) { if (k !== "proof") unsecured[k] = credential[k]; });
    Object.keys(proof).forEach(function (k) { if (k !== "proofValue") options[k] = proof[k]; });
    options["@context"] = credential["@context"];
    return C.credentialSupport().then(function (supported) {
      if (!supported) return { status: "unsupported" };
      return Promise.all([canonical(options, setup.contexts), canonical(unsecured, setup.contexts)]).then(function (nquads) {
        return Promise.all([sha256(nquads[0]), sha256(nquads[1])]);
      }, function (error) {
        throw { fields: fieldProblem(error) };
      }).then(function (hashes) {
        return crypto.subtle.importKey("raw", raw.slice(2), { name: "Ed25519" }, false, ["verify"]).then(function (key) {
          return crypto.subtle.verify({ name: "Ed25519" }, key, signature, joined(hashes[0], hashes[1]));
        });
      }).then(function (ok) {
        if (!ok) return { status: "invalid", reason: "signature" };
        var at = (now || new Date()).getTime();
        var from = Date.parse(credential.validFrom), until = Date.parse(own(credential, "validUntil") || "");
        if (isNaN(from)) return { status: "invalid", reason: "shape", detail: "validFrom" };
        if (from > at) return { status: "not-yet", credential: credential };
        if (!isNaN(until) && until < at) return { status: "expired", credential: credential };
        return { status: "valid", credential: credential };
      }, function (problem) {
        if (problem && problem.fields) return { status: "invalid", reason: "fields", detail: problem.fields };
        return { status: "invalid", reason: "signature" };
      });
    });
  };

  // "#credential=<base64url of raw DEFLATE>" (certify's QR code): the JSON text.
  C.unpackCredential = function (packed) {
    var text = packed.replace(/-/g, "+").replace(/_/g, "/");
    while (text.length % 4) text += "=";
    var binary = atob(text), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text();
  };
})(window.mkdocsCourse = window.mkdocsCourse || {});
