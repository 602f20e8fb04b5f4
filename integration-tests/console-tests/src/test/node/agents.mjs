// Real IoAP v1 agents for the console test: each has its own Ed25519 key and standard did:key,
// signs every frame over RFC 8785 canonical JSON, and registers over a real WebSocket.
//
//   node agents.mjs WS_URL NAME[:CAPABILITY,...] ...
//
// Writes one JSON event per line on stdout: {"event":"registered","name","did"},
// {"event":"frame","name","type","correlation_id","code"}, {"event":"closed","name","code","reason"},
// {"event":"sent","name","id"}, {"event":"error","message"}. Reads one JSON command per line on
// stdin: {"cmd":"ping","name","badSignature":bool} sends a PING to the gateway (with a corrupted
// signature when asked); {"cmd":"close","name"} closes that agent's socket normally.
// Ends when stdin ends, closing every socket.
import crypto from 'node:crypto';
import readline from 'node:readline';
import canonicalize from 'canonicalize';
import WebSocket from 'ws';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58(bytes) {
  let value = BigInt('0x' + (Buffer.from(bytes).toString('hex') || '0'));
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 58n)] + text;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = '1' + text;
  }
  return text;
}

function emit(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

function newAgent(name, capabilities) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
  const did = 'did:key:z' + base58(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
  return { name, did, capabilities, privateKey, publicKeyBase58: base58(raw), socket: null };
}

function envelope(agent, to, type, payload, badSignature) {
  const frame = {
    id: crypto.randomUUID(),
    correlation_id: null,
    timestamp: new Date().toISOString(),
    from: agent.did,
    to,
    type,
    payload,
    version: '1.0',
  };
  const signature = crypto.sign(null, Buffer.from(canonicalize(frame), 'utf8'), agent.privateKey);
  if (badSignature) {
    signature[0] ^= 0xff;
  }
  frame.signature = signature.toString('base64');
  return frame;
}

function connect(url, agent) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'ioap.v1');
    agent.socket = socket;
    let registered = false;
    socket.on('open', () => {
      const register = envelope(agent, agent.did, 'REGISTER', {
        public_key: agent.publicKeyBase58,
        capabilities: agent.capabilities.map((name) => ({ name })),
        metadata: { test: 'console-tests' },
      });
      socket.send(JSON.stringify(register));
    });
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString('utf8'));
      if (!registered && frame.type === 'REGISTER') {
        registered = true;
        emit({ event: 'registered', name: agent.name, did: agent.did });
        resolve();
        return;
      }
      emit({
        event: 'frame', name: agent.name, type: frame.type, correlation_id: frame.correlation_id ?? null,
        code: frame.type === 'ERROR' ? frame.payload.code : null,
      });
    });
    socket.on('close', (code, reason) => {
      emit({ event: 'closed', name: agent.name, code, reason: reason.toString('utf8') });
      if (!registered) {
        reject(new Error(agent.name + ' closed before it was registered: ' + code));
      }
    });
    socket.on('error', (error) => {
      emit({ event: 'error', message: agent.name + ': ' + error.message });
      if (!registered) {
        reject(error);
      }
    });
  });
}

const [url, ...specs] = process.argv.slice(2);
const agents = new Map();
for (const spec of specs) {
  const [name, caps] = spec.split(':');
  agents.set(name, newAgent(name, caps ? caps.split(',') : []));
}

try {
  await Promise.all([...agents.values()].map((agent) => connect(url, agent)));
} catch (error) {
  emit({ event: 'error', message: String(error) });
  process.exit(1);
}

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  const agent = agents.get(command.name);
  if (!agent) {
    emit({ event: 'error', message: 'no agent ' + command.name });
    return;
  }
  if (command.cmd === 'ping') {
    const frame = envelope(agent, 'did:key:gateway', 'PING', { sequence: 1 }, command.badSignature === true);
    agent.socket.send(JSON.stringify(frame));
    emit({ event: 'sent', name: agent.name, id: frame.id });
  } else if (command.cmd === 'close') {
    agent.socket.close(1000, 'done');
  } else {
    emit({ event: 'error', message: 'unknown command ' + command.cmd });
  }
});
input.on('close', () => {
  for (const agent of agents.values()) {
    if (agent.socket.readyState === WebSocket.OPEN) {
      agent.socket.close(1000, 'test over');
    }
  }
  setTimeout(() => process.exit(0), 200).unref();
});
