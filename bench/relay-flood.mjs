// The contact relay under a flood (issue 20, "Prove it holds"), part of
// `npm run bench` (bench/run.mjs), also runnable alone: `node bench/relay-flood.mjs`
// prints its section (after `npm run build`). A benchmark, never a test:
// timings depend on the machine.
//
// A real relay in a process of its own (SQLite, default limits, the default
// proof-of-work cost, RELAY_TRUST_PROXY so each attacker is its own client)
// gets, for 30 s, from 20 attacking clients at once: unsolved submissions,
// replays of one solved challenge, oversize bodies, and wrong team sign-ins
// in parallel. Meanwhile one prober asks for a challenge every 50 ms (the
// latency a person's form sees), the relay process's memory is sampled every
// second, and halfway through a person sends a real message (solved before)
// and the team signs in with the right credential; both must succeed.
//
// `WW_RELAY_DIR=/path/to/packages/contact-relay node bench/relay-flood.mjs`
// runs the same flood against another build (for a before/after comparison).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const relayDir = process.env.WW_RELAY_DIR ?? join(root, 'packages/contact-relay');
const demoKey = JSON.parse(readFileSync(join(root, 'packages/contact-relay/demo/demo-private-key.json'), 'utf8'));
const centre = demoKey.publicKey.split('.')[1];
const origin = 'https://beratung.example';
const teamOrigin = 'https://team.beratung.example';
const credential = 'BENCH-CREDE-NTIAL-FLOOD-TEST0';
const seconds = Number(process.env.WW_FLOOD_SECONDS ?? 30);
const attackers = 20;

/** `node bench/relay-flood.mjs --serve`: the relay process. Prints its URL and pid, stops when stdin closes. */
async function serve() {
  const { readConfig, startRelay } = await import(pathToFileURL(join(relayDir, 'dist/index.js')).href);
  const config = await readConfig(process.env);
  const relay = await startRelay(config, { log: { info() {}, error() {} } });
  process.stdout.write(`${JSON.stringify({ url: relay.url, pid: process.pid })}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await relay.close();
    process.exit(0);
  });
}

async function startRelayProcess(env) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the relay exited (${code}) before it listened`)));
  });
  const { url, pid } = JSON.parse(line);
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.stdin.end();
    });
  return { url, pid, stop };
}

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function benchRelayFlood() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { credentialEntry } = await import(pathToFileURL(join(relayDir, 'dist/index.js')).href);
  const [{ solveChallenge }, { deriveKey }, { seal }, { parsePublicKey }] = await Promise.all([
    import('altcha-lib'),
    import('altcha-lib/algorithms/pbkdf2'),
    import('@wegweiser/contact-form/envelope'),
    import('@wegweiser/contact-form/public-key'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'ww-relay-flood-'));
  const relay = await startRelayProcess({
    RELAY_PUBLIC_KEYS: demoKey.publicKey,
    RELAY_ALLOWED_ORIGINS: origin,
    RELAY_INBOX_ORIGINS: teamOrigin,
    RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential),
    RELAY_PORT: '0',
    RELAY_HOST: '127.0.0.1',
    RELAY_DB: join(dir, 'relay.sqlite'),
    RELAY_MIN_FILL_SECONDS: '0',
    RELAY_POW_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    RELAY_TRUST_PROXY: '1',
    RELAY_LOG: 'quiet',
  });
  const key = await parsePublicKey(demoKey.publicKey);
  const post = (path, body, address, from = origin) =>
    fetch(`${relay.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: from, 'x-forwarded-for': address },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(
      async (res) => (await res.arrayBuffer(), res.status),
      () => 0,
    );
  const challenge = async (address) => (await fetch(`${relay.url}/v1/challenge`, { headers: { origin, 'x-forwarded-for': address } })).json();
  const message = (text) => seal(key, { text, topic: 'work', language: 'de', reply: { method: 'none' }, formLocale: 'de' });

  // Before the clock starts: the legitimate person's solved message (default cost: seconds of work),
  // one solved challenge for the replays, and an unsolved one.
  const personChallenge = await challenge('192.0.2.200');
  const person = { envelope: await message('Ich möchte etwas anderes arbeiten.'), pow: { challenge: personChallenge, solution: await solveChallenge({ challenge: personChallenge, deriveKey }) }, idempotencyKey: 'bench-person-message-0001', hp: '' };
  const replayChallenge = await challenge('198.18.0.250');
  const replayed = { challenge: replayChallenge, solution: await solveChallenge({ challenge: replayChallenge, deriveKey }) };
  const attackEnvelope = await message('Flut.');
  const unsolved = { challenge: await challenge('198.18.0.251'), solution: { counter: 1, derivedKey: '00'.repeat(32) } };
  const oversize = JSON.stringify({ envelope: attackEnvelope, pow: unsolved, idempotencyKey: 'x'.repeat(20), hp: '', pad: 'x'.repeat(70_000) });

  const counts = { unsolved: new Map(), replayed: new Map(), oversize: new Map(), 'sign-in': new Map() };
  const tally = (kind, status) => counts[kind].set(status, (counts[kind].get(status) ?? 0) + 1);
  let stopAt = 0;
  let serial = 0;
  const attacker = async (index) => {
    // Each attacker is its own client: IPv4 addresses in a test range.
    const address = `198.18.${index}.${1 + (index % 250)}`;
    for (let round = 0; Date.now() < stopAt; round++) {
      const kind = ['unsolved', 'replayed', 'oversize', 'sign-in'][round % 4];
      const idempotencyKey = `flood-${index}-${serial++}`.padEnd(16, '0');
      if (kind === 'unsolved') tally(kind, await post('/v1/messages', { envelope: attackEnvelope, pow: unsolved, idempotencyKey, hp: '' }, address));
      else if (kind === 'replayed') tally(kind, await post('/v1/messages', { envelope: attackEnvelope, pow: replayed, idempotencyKey, hp: '' }, address));
      else if (kind === 'oversize') tally(kind, await post('/v1/messages', oversize, address));
      else {
        // Parallel wrong sign-ins: five at once.
        const statuses = await Promise.all(Array.from({ length: 5 }, () => post('/v1/inbox/sessions', { centre, credential: 'WRONG-WRONG-WRONG-WRONG-WRONG' }, address, teamOrigin)));
        for (const status of statuses) tally(kind, status);
      }
    }
  };

  const latencies = [];
  const prober = async (until = stopAt, into = latencies) => {
    while (Date.now() < until) {
      const started = performance.now();
      const res = await fetch(`${relay.url}/v1/challenge`, { headers: { origin, 'x-forwarded-for': `203.0.113.${into.length % 250}` } });
      await res.arrayBuffer();
      into.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  // The same prober for 5 s without a flood, on the same machine at the same moment: the baseline.
  const quiet = [];
  await prober(Date.now() + 5000, quiet);
  stopAt = Date.now() + seconds * 1000;
  const memory = [rssMb(relay.pid)];
  const sampler = setInterval(() => memory.push(rssMb(relay.pid)), 1000);
  const legit = (async () => {
    await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
    const message = await post('/v1/messages', person, '192.0.2.200');
    const signIn = await post('/v1/inbox/sessions', { centre, credential }, '192.0.2.201', teamOrigin);
    return { message, signIn };
  })();
  await Promise.all([...Array.from({ length: attackers }, (_, i) => attacker(i)), prober()]);
  const outcome = await legit;
  clearInterval(sampler);
  memory.push(rssMb(relay.pid));
  await relay.stop();
  rmSync(dir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const quietSorted = [...quiet].sort((a, b) => a - b);
  const ms = (v) => `${v.toFixed(1)} ms`;
  const describe = (map) => [...map].sort(([a], [b]) => a - b).map(([status, n]) => `${n}× ${status || 'no answer'}`).join(', ');
  const total = Object.values(counts).reduce((sum, map) => sum + [...map.values()].reduce((a, b) => a + b, 0), 0);
  return `## Contact relay under a flood (bench/relay-flood.mjs)

A real relay (its own Node process, SQLite, default limits and proof-of-work cost, clients told apart by
\`X-Forwarded-For\` as behind a proxy) gets ${total} attacking requests in ${seconds} s from ${attackers} clients at once:
unsolved submissions, replays of one solved challenge, 70 kB bodies and wrong team sign-ins, five in parallel.
A prober asks for a proof-of-work challenge every 50 ms from other addresses; halfway through, a person
sends a real message and the team signs in. The machine's 2 cores are shared by the attackers, the prober
and the relay.${relayDir === join(root, 'packages/contact-relay') ? '' : ` Relay build: \`${relayDir}\`.`}

| | |
| --- | --- |
| \`GET /v1/challenge\` before the flood | ${quiet.length} requests, p50 ${ms(percentile(quietSorted, 50))}, p99 ${ms(percentile(quietSorted, 99))} |
| \`GET /v1/challenge\` while flooded | ${latencies.length} requests, p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1))} |
| The person's message | ${outcome.message === 201 ? '201, stored' : `**${outcome.message}**`} |
| The team's sign-in | ${outcome.signIn === 201 ? '201, signed in' : `**${outcome.signIn}**`} |
| Relay memory (RSS) | ${memory[0].toFixed(0)} MB at the start, at most ${Math.max(...memory).toFixed(0)} MB, ${memory.at(-1).toFixed(0)} MB at the end |
| Unsolved submissions | ${describe(counts.unsolved)} |
| Replayed challenge | ${describe(counts.replayed)} |
| Oversize bodies | ${describe(counts.oversize)} |
| Wrong sign-ins | ${describe(counts['sign-in'])} |
`;
}

if (process.argv[2] === '--serve') await serve();
else if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchRelayFlood());
