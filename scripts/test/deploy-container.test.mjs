// The relay's Containerfile (packages/contact-relay/deploy) built and run for
// real with Podman, the way docs/relay-operations.md tells a hoster to:
// - the image is built from the release's npm tarballs (packed as
//   scripts/release.mjs packs them: `npm pack --ignore-scripts`), the relay's
//   @wegweiser dependencies from their tarballs too, nothing of ours from the
//   registry;
// - it runs read-only with a tmpfs /tmp, the database on a volume and the
//   RELAY_* settings in an env file (the public DEMO key);
// - the image's HEALTHCHECK passes, /health answers on the published port, a
//   sealed message with a solved proof of work is stored, the relay runs as the
//   user node, nothing on disk but /data is writable, `podman stop` ends the
//   relay cleanly, and after a new container on the same volume (as after an
//   upgrade) and a restart the relay's own `read` decrypts every message from
//   the volume.
//
// Needs podman (.ci/run installs it; without it the test skips locally and fails
// in CI) and the base image node:20-bookworm-slim: pulled if it can be, else the
// stand-in from deploy/test/stand-in-node-image.sh (root and debootstrap), kept
// for later runs. Runs after the build (it packs packages/*/dist). About 1.5 to
// 2.5 minutes with the base image in place, most of it npm installing the
// relay's dependencies (no layer cache, see below); the stand-in adds about 3
// minutes once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { seal } from '@wegweiser/contact-form/envelope';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';

const root = fileURLToPath(new URL('../..', import.meta.url));
const relayDir = join(root, 'packages/contact-relay');
const deploy = join(relayDir, 'deploy');
const containerfile = readFileSync(join(deploy, 'Containerfile'), 'utf8');
const baseImage = /^FROM (\S+)/m.exec(containerfile)[1];
const demoKeyFile = join(relayDir, 'demo/demo-private-key.json');
const demoPublicKey = JSON.parse(readFileSync(demoKeyFile, 'utf8')).publicKey;
const demoPassphrase = 'demo-passphrase-not-secret';
const origin = 'https://beratung.example';

const podmanPath = ['/usr/bin/podman', '/usr/local/bin/podman'].find((path) => existsSync(path));
const missing = !podmanPath && 'podman is not installed (apt-get install podman; .ci/run installs it)';
if (missing && !process.env.CI) console.warn(`\n!!! SKIPPING the container test: ${missing}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000, ...options });
  return { status: result.status, stdout: result.stdout ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** Every @wegweiser package the relay needs, itself first: the tarballs the image is built from. */
function relayPackages() {
  const manifest = (name) => JSON.parse(readFileSync(join(root, 'packages', name.replace('@wegweiser/', ''), 'package.json'), 'utf8'));
  const names = ['@wegweiser/contact-relay'];
  for (const name of names) {
    for (const dependency of Object.keys(manifest(name).dependencies ?? {})) {
      if (dependency.startsWith('@wegweiser/') && !names.includes(dependency)) names.push(dependency);
    }
  }
  return names.map((name) => ({ name, dir: `packages/${name.replace('@wegweiser/', '')}`, version: manifest(name).version }));
}

/** A free TCP port on loopback, for publishing the relay's 8787. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('the Containerfile builds from the release tarballs and runs the relay read-only with its data on a volume', { skip: missing && !process.env.CI ? missing : false, timeout: 900_000 }, async (t) => {
  assert.ok(podmanPath, missing);
  const times = {};
  const timed = async (step, fn) => {
    const started = Date.now();
    const result = await fn();
    times[step] = `${((Date.now() - started) / 1000).toFixed(0)} s`;
    return result;
  };

  // The official base image if it is here or can be pulled; else the stand-in, kept for later runs.
  const ensureBase = () => {
    if (run(podmanPath, ['image', 'exists', baseImage]).status === 0) return;
    const pull = run(podmanPath, ['pull', '--quiet', baseImage], { timeout: 180_000 });
    if (pull.status === 0) return;
    t.diagnostic(`could not pull ${baseImage}; building the stand-in (deploy/test/stand-in-node-image.sh)`);
    const standIn = run('bash', [join(deploy, 'test/stand-in-node-image.sh'), baseImage]);
    assert.equal(standIn.status, 0, `${pull.output}\n${standIn.output}`);
  };
  await timed('base image', ensureBase);
  // The options podman needs on this machine, if any: the first set that starts
  // a container. The second was needed on the project's test machine: crun
  // refuses its cgroups (v1, with a v2 hierarchy beside it that holds a
  // controller), and without CAP_SYS_RESOURCE podman's default limits for open
  // files and processes are more than may be granted.
  const choices = [
    { global: [], limits: [] },
    { global: ['--runtime', 'runc'], limits: ['--ulimit', 'nofile=8192:8192', '--ulimit', 'nproc=8192:8192'] },
  ];
  const probes = choices.map((choice) => ({ choice, probe: null }));
  for (const entry of probes) {
    entry.probe = run(podmanPath, [...entry.choice.global, 'run', '--rm', '--pull=never', ...entry.choice.limits, baseImage, 'true']);
    if (entry.probe.status === 0) break;
  }
  const working = probes.find((entry) => entry.probe?.status === 0);
  assert.ok(working, `podman cannot start a container here:\n${probes.map((entry) => entry.probe?.output).join('\n')}`);
  const { global, limits } = working.choice;
  if (global.length) t.diagnostic(`podman options for this machine: ${[...global, ...limits].join(' ')}`);
  const podman = (...args) => run(podmanPath, [...global, ...args]);

  const id = randomBytes(4).toString('hex');
  const image = `localhost/wegweiser-relay-test:${id}`;
  const volume = `wegweiser-relay-test-${id}`;
  const scratch = mkdtempSync(join(tmpdir(), 'ww-container-'));
  const containers = [];
  try {
    // The build context: the release's tarballs of the relay and its @wegweiser dependencies.
    const context = join(scratch, 'release');
    mkdirSync(context);
    const packages = relayPackages();
    // One npm for all of them (the release runs one per package; the tarballs are the same).
    const pack = await timed('pack', () =>
      run('npm', ['pack', ...packages.flatMap((pkg) => ['--workspace', pkg.dir]), '--pack-destination', context, '--ignore-scripts'], { cwd: root }),
    );
    assert.equal(pack.status, 0, pack.output);
    const version = packages[0].version;
    // No layer cache: Podman does not count the mounted context's files in its
    // cache key, so a cached install layer could hold an older tarball's relay.
    const build = await timed('build', () =>
      podman('build', '--format', 'docker', '--pull=never', '--no-cache', '--layers=false', ...limits, '--build-arg', `VERSION=${version}`, '-t', image, '-f', join(deploy, 'Containerfile'), context),
    );
    assert.equal(build.status, 0, build.output);
    // The documented --format docker keeps the HEALTHCHECK (the OCI format would drop it).
    assert.match(podman('image', 'inspect', '--format', '{{json .HealthCheck}}', image).stdout, /\/health/);
    const installed = podman('run', '--rm', ...limits, '--entrypoint', 'cat', image, '/opt/wegweiser-relay/package.json');
    assert.equal(installed.status, 0, installed.output);
    const dependencies = JSON.parse(installed.stdout).dependencies;
    for (const pkg of packages) assert.match(dependencies[pkg.name], /^file:.*\.tgz$/, `${pkg.name} comes from its tarball`);

    // Settings as a hoster writes them; proof of work made cheap so the test solves it at once.
    const envFile = join(scratch, 'relay.env');
    writeFileSync(
      envFile,
      [
        `RELAY_PUBLIC_KEYS=${demoPublicKey}`,
        `RELAY_ALLOWED_ORIGINS=${origin}`,
        `RELAY_POW_SECRET=${randomBytes(32).toString('hex')}`,
        'RELAY_POW_COST=1',
        'RELAY_POW_COUNTER_MIN=5',
        'RELAY_POW_COUNTER_MAX=20',
        'RELAY_MIN_FILL_SECONDS=0',
        '',
      ].join('\n'),
    );
    assert.equal(podman('volume', 'create', volume).status, 0);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;

    /** The relay as the Containerfile's header runs it. */
    const start = () => {
      const name = `wegweiser-relay-test-${id}-${containers.length}`;
      containers.push(name);
      const started = podman('run', '-d', '--name', name, ...limits, '--read-only', '--tmpfs', '/tmp', '-v', `${volume}:/data`, '-p', `127.0.0.1:${port}:8787`, '--env-file', envFile, image);
      assert.equal(started.status, 0, started.output);
      return name;
    };
    /** Waits until the image's own HEALTHCHECK passes (podman runs it on request here: no systemd timers). */
    const healthy = async (name) => {
      const until = Date.now() + 60_000;
      for (;;) {
        const check = podman('healthcheck', 'run', name);
        if (check.status === 0) return;
        if (Date.now() > until) assert.fail(`the health check did not pass within 60 s:\n${check.output}\n${podman('logs', name).output}`);
        await sleep(500);
      }
    };
    const send = async (text) => {
      const challenge = await (await fetch(`${url}/v1/challenge`, { headers: { origin } })).json();
      const solution = await solveChallenge({ challenge, deriveKey });
      const envelope = await seal(await parsePublicKey(demoPublicKey), { text, topic: 'work', language: 'de', reply: { method: 'none' }, formLocale: 'de' });
      const response = await fetch(`${url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ envelope, pow: { challenge, solution }, idempotencyKey: `container-test-${randomBytes(8).toString('hex')}`, hp: '' }),
      });
      assert.equal(response.status, 201, await response.text());
    };
    /** The stored messages, decrypted by the relay's `read` in a one-off container on the volume. */
    const readVolume = () => {
      const read = podman('run', '--rm', ...limits, '--read-only', '-v', `${volume}:/data`, '-v', `${demoKeyFile}:/key.json:ro`, '-e', `WEGWEISER_KEY_PASSPHRASE=${demoPassphrase}`, image, 'read', '--key', '/key.json', '--db', '/data/relay.sqlite');
      assert.equal(read.status, 0, read.output);
      return read.stdout;
    };
    /** Stops as `podman stop` does (SIGTERM, 10 s grace): the relay must close and exit 0, not be killed (137). */
    const stop = (name) => {
      assert.equal(podman('stop', '--time', '10', name).status, 0);
      assert.equal(podman('inspect', '--format', '{{.State.ExitCode}}', name).stdout.trim(), '0', podman('logs', name).output);
      assert.equal(podman('rm', name).status, 0);
    };

    const first = start();
    await timed('first start', () => healthy(first));
    const health = await fetch(`${url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });

    // Runs as node, everywhere: the relay process (PID 1) and anything exec'd.
    assert.equal(podman('exec', first, 'id', '-un').stdout.trim(), 'node');
    assert.match(podman('exec', first, 'cat', '/proc/1/status').stdout, /^Uid:\s+1000\s+1000\s+1000\s+1000$/m);
    // Writable only /data (the volume) and memory: the image's files are read-only even for
    // root in the container, so no change survives the container but the database.
    const mounts = podman('exec', first, 'cat', '/proc/mounts')
      .stdout.trim()
      .split('\n')
      .map((line) => line.split(' '))
      .map(([, target, type, options]) => ({ target, type, writable: options.split(',').includes('rw') }));
    assert.equal(mounts.findLast((mount) => mount.target === '/')?.writable, false, 'the root file system is read-only');
    const inMemory = new Set(['tmpfs', 'proc', 'sysfs', 'devpts', 'mqueue', 'cgroup', 'cgroup2']);
    assert.deepEqual(mounts.filter((mount) => mount.writable && !inMemory.has(mount.type)).map((mount) => mount.target), ['/data']);
    assert.ok(mounts.some((mount) => mount.target === '/tmp' && mount.type === 'tmpfs' && mount.writable), '/tmp is a tmpfs');
    const touch = (dir, user) => podman('exec', '--user', user, first, 'sh', '-c', `touch ${dir}/.ww-probe && rm ${dir}/.ww-probe`);
    assert.equal(touch('/data', 'node').status, 0, 'node writes to /data');
    assert.equal(touch('/tmp', 'node').status, 0, 'node writes to /tmp');
    for (const dir of ['/', '/etc', '/usr/local/bin', '/opt/wegweiser-relay', '/opt/wegweiser-relay/node_modules/@wegweiser/contact-relay/dist', '/home/node']) {
      assert.match(touch(dir, 'root').output, /Read-only file system/, `${dir} is read-only, even for root`);
    }

    await send('Erste Nachricht aus dem Container-Test.');
    await timed('stop', () => stop(first));
    assert.match(readVolume(), /Erste Nachricht aus dem Container-Test\./);

    // A new container on the same volume, as after an upgrade: the old message is there, a new one joins it.
    const second = start();
    await healthy(second);
    await send('Zweite Nachricht nach dem Neustart.');
    // And a plain restart of the same container.
    assert.equal(podman('restart', '--time', '10', second).status, 0);
    await timed('restart', () => healthy(second));
    stop(second);
    const stored = readVolume();
    assert.match(stored, /Erste Nachricht aus dem Container-Test\./);
    assert.match(stored, /Zweite Nachricht nach dem Neustart\./);
    t.diagnostic(`times: ${Object.entries(times).map(([step, time]) => `${step} ${time}`).join(', ')}`);
  } finally {
    for (const name of containers) podman('rm', '--force', '--time', '0', name);
    podman('volume', 'rm', '--force', volume);
    podman('rmi', '--force', image);
    // The base image stays for the next run.
    rmSync(scratch, { recursive: true, force: true });
  }
});
