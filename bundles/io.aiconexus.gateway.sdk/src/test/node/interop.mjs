// Checks IoAP v1 frames with implementations that share no code with the Java SDK:
// Ed25519 from @noble/ed25519, RFC 8785 canonical JSON from canonicalize, base58btc from @scure/base.
//
//   node interop.mjs verify FILE   FILE holds a JSON array of frame texts; prints [{"id", "valid", "reason"}]
//   node interop.mjs sign          prints {"frames": [frame texts], "tampered": [ids of frames changed after signing]}
//
// Run by NodeInteropTest after `npm ci` in this folder. Never touches the network.
import * as ed from '@noble/ed25519';
import { base58 } from '@scure/base';
import canonicalize from 'canonicalize';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const ED25519 = [0xed, 0x01];

function didOf(publicKey) {
  return 'did:key:z' + base58.encode(Uint8Array.from([...ED25519, ...publicKey]));
}

function keyOf(did) {
  if (!did.startsWith('did:key:z')) throw new Error('not a did:key: ' + did);
  const bytes = base58.decode(did.slice('did:key:z'.length));
  if (bytes.length === 34 && bytes[0] === ED25519[0] && bytes[1] === ED25519[1]) return bytes.slice(2);
  throw new Error('not a standard Ed25519 did:key: ' + did);
}

function signingInput(envelope) {
  const { signature, ...unsigned } = envelope;
  return new TextEncoder().encode(canonicalize(unsigned));
}

async function verify(text) {
  const envelope = JSON.parse(text);
  try {
    const signature = Buffer.from(envelope.signature, 'base64');
    const valid = await ed.verifyAsync(signature, signingInput(envelope), keyOf(envelope.from));
    return { id: envelope.id, valid, reason: valid ? null : 'mismatch' };
  } catch (error) {
    return { id: envelope.id, valid: false, reason: String(error.message || error) };
  }
}

async function frame(secretKey, from, to, type, payload, correlationId) {
  const envelope = { id: randomUUID(), timestamp: new Date().toISOString(), from, to, type, payload, version: '1.0' };
  if (correlationId) envelope.correlation_id = correlationId;
  const signature = await ed.signAsync(signingInput(envelope), secretKey);
  return { ...envelope, signature: Buffer.from(signature).toString('base64') };
}

async function sign() {
  const secretKey = ed.utils.randomSecretKey();
  const from = didOf(await ed.getPublicKeyAsync(secretKey));
  const to = didOf(await ed.getPublicKeyAsync(ed.utils.randomSecretKey()));
  const frames = [
    await frame(secretKey, from, to, 'OFFER', { sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' }),
    await frame(secretKey, from, to, 'INTENT', { task: 'translate', params: { text: 'Zoë — 東京 😀', quote: '"\\/\u2028' } }),
    await frame(secretKey, from, to, 'EXEC_REQUEST', {
      args: { ratio: 0.1, big: 1e21, small: 1e-7, whole: 1234, negative: -0.5, list: [3, 2, 1], nested: { z: null, a: true } },
      timeout_ms: 5000,
    }),
    await frame(secretKey, from, to, 'EXEC_RESPONSE', { status: 'success', result: { sum: 42 }, execution_time_ms: 12.5 }, randomUUID()),
    await frame(secretKey, from, to, 'PING', { sequence: 1 }),
  ];
  const tampered = { ...(await frame(secretKey, from, to, 'OFFER', { sdp: 'v=0 as signed' })) };
  tampered.payload = { sdp: 'v=0 changed after signing' };
  frames.push(tampered);
  return { frames: frames.map((f) => JSON.stringify(f)), tampered: [tampered.id] };
}

const [command, file] = process.argv.slice(2);
if (command === 'verify' && file) {
  const texts = JSON.parse(readFileSync(file, 'utf8'));
  console.log(JSON.stringify(await Promise.all(texts.map(verify))));
} else if (command === 'sign') {
  console.log(JSON.stringify(await sign()));
} else {
  console.error('usage: node interop.mjs verify FILE | sign');
  process.exit(2);
}
