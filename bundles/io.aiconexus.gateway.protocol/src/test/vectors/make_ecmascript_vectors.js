#!/usr/bin/env node
// Regenerates the RFC 8785 (JCS) test vectors of the protocol bundle from a JavaScript engine,
// whose Number.prototype.toString and JSON.stringify are what RFC 8785 builds on.
// Run after make_python_vectors.py (it reads the inputs that script wrote):
//   node make_ecmascript_vectors.js
// The tests never run Node: commit the files written under src/test/resources/vectors/.
'use strict';
const fs = require('fs');
const path = require('path');

const out = path.join(__dirname, '..', 'resources', 'vectors');

function jcs(value) {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(jcs).join(',') + ']';
  }
  // Array.prototype.sort compares UTF-16 code units, which is what RFC 8785 prescribes.
  return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + jcs(value[k])).join(',') + '}';
}

// Lone surrogates (RFC 8785 refuses them) and numbers beyond the double range (no JCS form)
// have no JCS output: the Java tests check that those are refused.
function hasJcsForm(text) {
  const value = JSON.parse(text);
  const finite = (v) => (typeof v === 'number' ? Number.isFinite(v)
    : v === null || typeof v !== 'object' ? true
      : Object.values(v).every(finite));
  return finite(value) && !/\\u?d[89ab]..(?!\\u?d[c-f])|\\udc00/i.test(text);
}

const inputs = JSON.parse(fs.readFileSync(path.join(out, 'python-form.json'), 'utf8')).map((c) => c.input);
const cases = inputs.filter(hasJcsForm).map((input) => ({ input, jcs: jcs(JSON.parse(input)) }));
fs.writeFileSync(path.join(out, 'jcs.json'), JSON.stringify(cases, null, 1) + '\n');

const lines = ['# IEEE-754 bits (hex) and ECMAScript Number.prototype.toString'];
for (const line of fs.readFileSync(path.join(out, 'doubles-python.txt'), 'utf8').split('\n')) {
  if (line === '' || line.startsWith('#')) continue;
  const hex = line.split(' ')[0];
  const value = Buffer.from(hex, 'hex').readDoubleBE(0);
  lines.push(hex + ' ' + String(value));
}
fs.writeFileSync(path.join(out, 'doubles-ecmascript.txt'), lines.join('\n') + '\n');
