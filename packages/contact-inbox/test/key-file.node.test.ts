import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createCipheriv, generateKeyPairSync, randomBytes, scryptSync } from 'node:crypto';
import { KeyFileError, openKeyFile, readKeyFile, x25519PublicKey } from '../src/key-file.js';

const demoText = readFileSync(new URL('../../contact-relay/demo/demo-private-key.json', import.meta.url), 'utf8');
const demo = JSON.parse(demoText) as Record<string, unknown>;
const passphrase = 'demo-passphrase-not-secret';

async function problem(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    assert.ok(error instanceof KeyFileError, String(error));
    return error.problem;
  }
  assert.fail('the key file opened');
}

describe('key file (browser side)', () => {
  it('opens the demo key file and checks its key against the public key', async () => {
    const progress: number[] = [];
    const key = await openKeyFile(demoText, passphrase, (p) => progress.push(p));
    assert.equal(key.centre, 'demo-beratungsstelle');
    assert.equal(key.privateKey.length, 32);
    assert.equal(key.demo, true);
    assert.equal(key.publicKey.text, demo.publicKey);
    assert.ok(progress.length > 1 && progress.at(-1)! >= 0.99, 'progress is reported');
  });

  it('derives the X25519 public key as Node does', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('x25519');
    const d = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
    const x = publicKey.export({ format: 'jwk' }).x!;
    assert.equal(Buffer.from(await x25519PublicKey(new Uint8Array(d))).toString('base64url'), x);
  });

  it('refuses a wrong passphrase', async () => {
    assert.equal(await problem(openKeyFile(demoText, 'not-the-passphrase')), 'wrong-passphrase');
  });

  it('refuses a file whose header was swapped onto another key (the AAD binds it)', async () => {
    const swapped = { ...demo, centre: 'andere-stelle' };
    // The centre is also inside the public key: a changed centre alone is damage, found before scrypt.
    assert.equal(await problem(openKeyFile(JSON.stringify(swapped), passphrase)), 'damaged');
    const cipher = String(demo.ciphertext);
    const flipped = { ...demo, ciphertext: cipher.slice(0, 10) + (cipher[10] === 'A' ? 'B' : 'A') + cipher.slice(11) };
    assert.equal(await problem(openKeyFile(JSON.stringify(flipped), passphrase)), 'wrong-passphrase');
  });

  it('refuses a well-encrypted file whose private key does not belong to its public key', async () => {
    // Made by hand: another private key, encrypted under the demo header with the demo passphrase.
    const other = Buffer.from(generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' }).d!, 'base64url');
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const key = scryptSync(passphrase, salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(`${String(demo.format)};v=1;centre=${String(demo.centre)};publicKey=${String(demo.publicKey)}`));
    const ct = Buffer.concat([cipher.update(JSON.stringify({ privateKey: other.toString('base64url') })), cipher.final(), cipher.getAuthTag()]);
    const file = { ...demo, kdf: { ...(demo.kdf as object), salt: salt.toString('base64url') }, cipher: { name: 'AES-256-GCM', iv: iv.toString('base64url') }, ciphertext: ct.toString('base64url') };
    assert.equal(await problem(openKeyFile(JSON.stringify(file), passphrase)), 'damaged');
  });

  it('tells a file that is no key file, or another version, from a wrong passphrase', async () => {
    assert.equal(await problem(openKeyFile('{not json', passphrase)), 'not-a-key-file');
    assert.equal(await problem(openKeyFile('{"format":"something-else"}', passphrase)), 'not-a-key-file');
    assert.equal(await problem(openKeyFile(JSON.stringify({ ...demo, kdf: { ...(demo.kdf as object), N: 2 ** 30 } }), passphrase)), 'unsupported');
    assert.equal(await problem(openKeyFile(JSON.stringify({ ...demo, version: 2 }), passphrase)), 'unsupported');
    assert.equal(await problem(openKeyFile(JSON.stringify({ ...demo, publicKey: 'wwk1.demo.x.y' }), passphrase)), 'damaged');
    assert.throws(() => readKeyFile('x'.repeat(20_000)), KeyFileError);
  });
});
