// The relay's deployment kit (packages/contact-relay/deploy) checked with the
// real tools where they are installed (.ci/run installs them): nginx -t on the
// server block, caddy validate on the Caddyfile, systemd-analyze verify on the
// unit. The Containerfile is checked here for the promises
// docs/relay-operations.md makes about it; deploy-container.test.mjs builds and
// runs it with Podman.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const deploy = fileURLToPath(new URL('../../packages/contact-relay/deploy/', import.meta.url));
const read = (file) => readFileSync(join(deploy, file), 'utf8');
const which = (command) => ['/usr/sbin', '/usr/bin', '/bin', '/usr/local/bin'].map((dir) => join(dir, command)).find((path) => existsSync(path));
const run = (command, args, options = {}) => spawnSync(command, args, { encoding: 'utf8', ...options });

test('nginx accepts the server block, which writes no access log', { skip: !which('nginx') && 'nginx is not installed' }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ww-nginx-'));
  try {
    // A throwaway certificate stands in for the one certbot would make.
    const cert = run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=relay.beratung.example', '-keyout', join(scratch, 'key.pem'), '-out', join(scratch, 'cert.pem')]);
    assert.equal(cert.status, 0, cert.stderr);
    const server = read('nginx.conf')
      .replace('/etc/letsencrypt/live/relay.beratung.example/fullchain.pem', join(scratch, 'cert.pem'))
      .replace('/etc/letsencrypt/live/relay.beratung.example/privkey.pem', join(scratch, 'key.pem'))
      .replace('/var/log/nginx/wegweiser-relay.error.log', join(scratch, 'error.log'));
    writeFileSync(
      join(scratch, 'nginx.conf'),
      `pid ${join(scratch, 'nginx.pid')};\nerror_log ${join(scratch, 'main-error.log')};\nevents {}\nhttp {\n${server}\n}\n`,
    );
    const check = run(which('nginx'), ['-t', '-q', '-p', scratch, '-c', join(scratch, 'nginx.conf')]);
    assert.equal(check.status, 0, check.stderr);
    assert.equal((server.match(/access_log off;/g) ?? []).length, 2, 'both server blocks turn the access log off');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('caddy accepts the Caddyfile, which asks for no access log', { skip: !which('caddy') && 'caddy is not installed' }, () => {
  const check = run(which('caddy'), ['validate', '--adapter', 'caddyfile', '--config', join(deploy, 'Caddyfile')], { env: { ...process.env, HOME: tmpdir(), XDG_DATA_HOME: tmpdir(), XDG_CONFIG_HOME: tmpdir() } });
  assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
  assert.doesNotMatch(read('Caddyfile').replace(/#.*$/gm, ''), /\blog\b/);
});

test('systemd-analyze verifies the unit and rates its hardening', { skip: !which('systemd-analyze') && 'systemd-analyze is not installed' }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ww-systemd-'));
  try {
    // verify resolves the environment file; an empty one stands in for the real settings.
    const unit = read('wegweiser-relay.service').replace('EnvironmentFile=/etc/wegweiser-relay.env', `EnvironmentFile=${join(scratch, 'relay.env')}`);
    writeFileSync(join(scratch, 'relay.env'), '');
    writeFileSync(join(scratch, 'wegweiser-relay.service'), unit);
    const verify = run(which('systemd-analyze'), ['verify', '--man=no', join(scratch, 'wegweiser-relay.service')]);
    const problems = `${verify.stdout}${verify.stderr}`
      .split('\n')
      // Without a running systemd (a container), verify cannot reach the manager's bus.
      .filter((line) => line.trim() && !/Failed to (connect|prepare filename|setup working directory)|System has not been booted|Cannot access.*bus|Unit is bound to inactive|Failed to create.*\/init\.scope/i.test(line));
    assert.deepEqual(problems, []);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const unit = read('wegweiser-relay.service');
  for (const setting of ['DynamicUser=yes', 'StateDirectory=wegweiser-relay', 'ProtectSystem=strict', 'NoNewPrivileges=yes', 'PrivateTmp=yes', 'RestrictAddressFamilies=', 'SystemCallFilter=@system-service']) {
    assert.ok(unit.includes(setting), setting);
  }
});

test('the Containerfile runs as a non-root user, keeps the database on a volume and checks its health', () => {
  const file = read('Containerfile');
  assert.equal((file.match(/^FROM /gm) ?? []).length, 2, 'two stages');
  assert.match(file, /^USER node$/m);
  assert.match(file, /^VOLUME \/data$/m);
  assert.match(file, /^HEALTHCHECK .*\n.*\/health/m);
  assert.match(file, /--read-only/);
});

test("the Containerfile's tarball install names every @wegweiser package the relay needs", () => {
  // With a release as the build context, the relay's @wegweiser dependencies must come
  // from their tarballs too (unpublished versions are not on the registry): the list
  // in the Containerfile has to follow the packages' dependencies.
  const manifest = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../packages/${name}/package.json`, import.meta.url)), 'utf8'));
  const needed = ['contact-relay'];
  for (const name of needed) {
    for (const dependency of Object.keys(manifest(name).dependencies ?? {})) {
      const local = dependency.replace(/^@wegweiser\//, '');
      if (local !== dependency && !needed.includes(local)) needed.push(local);
    }
  }
  const listed = /for name in ([\w -]+); do/.exec(read('Containerfile'))?.[1].trim().split(/\s+/);
  assert.deepEqual([...(listed ?? [])].sort(), [...needed].sort());
});
