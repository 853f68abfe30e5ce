// An independent verifier of our credentials: Digital Bazaar's
// @digitalbazaar/vc with the eddsa-rdfc-2022 cryptosuite (npm), the
// reference implementation behind many wallets. It runs offline: its
// document loader answers only with the JSON-LD contexts kept with the
// package and the DID document given on the command line.
//   node tests/dbverify.mjs CREDENTIAL.json DID.json CONTEXTS_DIR
// prints {"verified": true|false, "error": "..."} on stdout.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const [credentialFile, didFile, contextsDir] = process.argv.slice(2);
const credential = JSON.parse(readFileSync(credentialFile, 'utf8'));
const didDocument = JSON.parse(readFileSync(didFile, 'utf8'));
const sources = JSON.parse(readFileSync(join(contextsDir, 'urls.json'), 'utf8'));
const contexts = new Map();
for (const [url, name] of Object.entries(sources)) {
  contexts.set(url, JSON.parse(readFileSync(join(contextsDir, name), 'utf8')));
}

async function documentLoader(url) {
  if (contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  const [base] = url.split('#');
  if (base === didDocument.id) {
    if (url === base) {
      return {contextUrl: null, documentUrl: url, document: didDocument};
    }
    const method = didDocument.verificationMethod.find(m => m.id === url);
    if (method) {
      return {contextUrl: null, documentUrl: url,
        document: {'@context': 'https://w3id.org/security/multikey/v1', ...method}};
    }
  }
  throw new Error(`offline: no document for ${url}`);
}

const suite = new DataIntegrityProof({cryptosuite});
try {
  const result = await vc.verifyCredential({credential, suite, documentLoader});
  const error = result.verified ? '' : String(
    (result.error && (result.error.errors || [result.error]).map(e => e.message).join('; '))
    || JSON.stringify(result.results || result));
  console.log(JSON.stringify({verified: result.verified, error}));
} catch (e) {
  console.log(JSON.stringify({verified: false, error: String(e && e.message || e)}));
}
