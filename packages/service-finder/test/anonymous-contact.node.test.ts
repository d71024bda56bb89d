// The anonymous-contact channel of the directory format (contacts.anonymous):
// what the directory check accepts, what it leaves out and how it says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { urlPattern, urlRules } from '@wegweiser/core/safe-url';
import { checkDirectory } from '../src/directory.js';
import { checkDirectoryAndKeys } from '../src/checking.js';
import { DirectoryIndex } from '../src/search.js';
import type { Centre } from '../src/model.js';

const schemaFile = JSON.parse(readFileSync(new URL('../schema/directory.schema.json', import.meta.url), 'utf8'));
/** A real DEMO key of the fictional network (packages/contact-relay/demo/network/). */
const demoKey = (city: string): string =>
  JSON.parse(readFileSync(new URL(`../../contact-relay/demo/network/demo-rlp-${city}.json`, import.meta.url), 'utf8')).publicKey;
const trierKey = demoKey('trier');
const mainzKey = demoKey('mainz');

const centre = (id: string, anonymous: unknown) => ({
  id,
  name: `Beratung ${id} (fiktiv)`,
  address: { city: 'Trier' },
  land: 'DE-RP',
  lastChecked: '2026-11-01',
  topics: ['job'],
  contacts: { phone: '+49 69 90009 303', anonymous },
});
const channel = (publicKey: string, more: object = {}) => ({ relay: 'https://relay.example.org', publicKey, ...more });
const check = (...centres: object[]) => checkDirectoryAndKeys({ version: 1, centres });
const problemLines = (checked: { problems: { severity: string; path: string; keyword: string }[] }) => checked.problems.map((p) => `${p.severity} ${p.path} ${p.keyword}`);

/** Changes one character of the key part, as a bad copy and paste would. */
function damaged(publicKey: string): string {
  const parts = publicKey.split('.');
  const key = parts[2]!;
  parts[2] = `${key.slice(0, 10)}${key[10] === 'A' ? 'B' : 'A'}${key.slice(11)}`;
  return parts.join('.');
}

test("the schema's relay and page patterns are core's safe-URL rules, the relay's the same as the form's relay attribute", () => {
  const properties = schemaFile.$defs.anonymousContact.properties;
  assert.equal(properties.relay.format, urlRules.webAddress.format);
  assert.equal(properties.relay.pattern, urlPattern(urlRules.webAddress));
  assert.equal(properties.page.format, urlRules.webPage.format);
  assert.equal(properties.page.pattern, urlPattern(urlRules.webPage));
  assert.equal(schemaFile.$defs.centre.properties.contacts.properties.anonymous.$ref, '#/$defs/anonymousContact');
});

test('a sound key for this centre: the channel is kept as written, with no problem', async () => {
  const checked = await check(centre('demo-rlp-trier', channel(trierKey, { page: 'https://wegkreuz-trier.example.org/kontakt' })));
  assert.deepEqual(checked.problems, []);
  assert.deepEqual(checked.centres[0]!.contacts!.anonymous, { relay: 'https://relay.example.org', publicKey: trierKey, page: 'https://wegkreuz-trier.example.org/kontakt' });
});

test('a path as relay is read relative to the page, like the form attribute; page is optional', async () => {
  const checked = await check(centre('demo-rlp-trier', { relay: '/relay', publicKey: trierKey }));
  assert.deepEqual(checked.problems, []);
  assert.equal(checked.centres[0]!.contacts!.anonymous!.relay, '/relay');
});

test('a damaged key (its check value no longer fits): reported by JSON path, the channel left out, the centre shown', async () => {
  const checked = await check(centre('demo-rlp-trier', channel(damaged(trierKey))), centre('demo-rlp-mainz', channel(mainzKey)));
  assert.deepEqual(problemLines(checked), ['warning $.centres[0].contacts.anonymous.publicKey publicKey']);
  assert.match(checked.problems[0]!.message, /check value.*left out/);
  assert.deepEqual(
    checked.centres.map((c) => c.id),
    ['demo-rlp-trier', 'demo-rlp-mainz'],
  );
  assert.equal(checked.centres[0]!.contacts!.anonymous, undefined);
  assert.equal(checked.centres[0]!.contacts!.phone, '+49 69 90009 303', 'the other contacts stay');
  assert.equal(checked.centres[1]!.contacts!.anonymous!.publicKey, mainzKey);
});

test('a key that is not in the wwk1 form at all: reported by the schema, the channel left out', async () => {
  for (const publicKey of ['', 'wwk1.demo-rlp-trier.abc.def', `${trierKey} `, trierKey.replace('wwk1', 'wwk2'), 'ssh-ed25519 AAAA']) {
    const checked = await check(centre('demo-rlp-trier', channel(publicKey)));
    assert.deepEqual(problemLines(checked), ['warning $.centres[0].contacts.anonymous.publicKey pattern'], JSON.stringify(publicKey));
    assert.equal(checked.centres[0]!.contacts!.anonymous, undefined);
  }
});

test("another centre's key (wrong centre id): reported, the channel left out, so no message goes to the wrong team", async () => {
  const checked = await check(centre('demo-rlp-trier', channel(mainzKey)));
  assert.deepEqual(problemLines(checked), ['warning $.centres[0].contacts.anonymous.publicKey centre']);
  assert.match(checked.problems[0]!.message, /"demo-rlp-mainz", not for the entry "demo-rlp-trier"/);
  assert.equal(checked.centres[0]!.contacts!.anonymous, undefined);
});

test("a centre with several addresses shares its key: the key's centre id followed by a hyphen starts the entry id", async () => {
  const checked = await check(centre('demo-rlp-trier-saarburg', channel(trierKey)));
  assert.deepEqual(checked.problems, []);
  const notAPrefix = await check(centre('demo-rlp-trierweiler', channel(trierKey)));
  assert.deepEqual(problemLines(notAPrefix), ['warning $.centres[0].contacts.anonymous.publicKey centre']);
});

test('a relay or page that could run script or lead elsewhere: reported by JSON path, the channel left out', async () => {
  const cases: [object, string][] = [
    [{ relay: 'javascript:alert(1)' }, 'relay format'],
    [{ relay: '//relay.example.org' }, 'relay format'],
    [{ relay: 'mailto:team@example.org' }, 'relay format'],
    [{ relay: 'https://relay.example.org\\x' }, 'relay format'],
    [{ page: 'javascript:alert(1)' }, 'page format'],
    [{ page: '/kontakt' }, 'page format'],
  ];
  for (const [change, expected] of cases) {
    const checked = await check(centre('demo-rlp-trier', { ...channel(trierKey), ...change }));
    assert.deepEqual(problemLines(checked), [`warning $.centres[0].contacts.anonymous.${expected}`], JSON.stringify(change));
    assert.equal(checked.centres.length, 1);
    assert.equal(checked.centres[0]!.contacts!.anonymous, undefined, JSON.stringify(change));
  }
});

test('a channel without relay or key, or not an object: reported, left out; an unknown field in it is ignored', async () => {
  const noRelay = await check(centre('demo-rlp-trier', { publicKey: trierKey }));
  assert.deepEqual(problemLines(noRelay), ['warning $.centres[0].contacts.anonymous required']);
  const text = await check(centre('demo-rlp-trier', trierKey));
  assert.deepEqual(problemLines(text), ['warning $.centres[0].contacts.anonymous type']);
  const extra = await check(centre('demo-rlp-trier', channel(trierKey, { colour: 'red' })));
  assert.deepEqual(problemLines(extra), ['warning $.centres[0].contacts.anonymous.colour additionalProperties']);
  assert.deepEqual(extra.centres[0]!.contacts!.anonymous, channel(trierKey), 'kept, without the unknown field');
});

test('an entry skipped for another reason reports its channel problems as errors', async () => {
  const checked = await check({ ...centre('demo-rlp-trier', channel(trierKey, { relay: 'javascript:x' })), land: 'DE-XX' });
  assert.equal(checked.skipped, 1);
  assert.deepEqual(problemLines(checked).sort(), ['error $.centres[0].contacts.anonymous.relay format', 'error $.centres[0].land enum']);
});

test('the synchronous check alone cannot verify a key: the channel is left out, with a warning that says why', () => {
  const checked = checkDirectory({ version: 1, centres: [centre('demo-rlp-trier', channel(trierKey))] });
  assert.deepEqual(problemLines(checked), ['warning $.centres[0].contacts.anonymous.publicKey publicKey']);
  assert.match(checked.problems[0]!.message, /not verified.*checkDirectoryAndKeys/);
  assert.equal(checked.centres[0]!.contacts!.anonymous, undefined);
});

test('the demo network: six centres, each with its own sound key on the demo relay', async () => {
  const network = JSON.parse(readFileSync(new URL('../demo/rlp-network.json', import.meta.url), 'utf8'));
  const checked = await checkDirectoryAndKeys(network);
  assert.deepEqual(checked.problems, []);
  assert.equal(checked.fictional, true);
  assert.deepEqual(
    checked.centres.map((c) => c.address.city),
    ['Mainz', 'Ludwigshafen am Rhein', 'Trier', 'Koblenz', 'Kaiserslautern', 'Landau in der Pfalz'],
  );
  for (const c of checked.centres) {
    assert.equal(c.fictional, true);
    assert.match(c.name, /\(fiktiv\)$/);
    assert.equal(c.contacts!.anonymous!.publicKey, demoKey(c.id.replace('demo-rlp-', '')));
    assert.equal(c.contacts!.anonymous!.relay, 'http://127.0.0.1:8787', 'the demo relay of npm start');
  }
  // The demo site's state portal shows the same network, with its relay under /relay on the site's own origin.
  const portal = JSON.parse(readFileSync(new URL('../../../examples/demo-site/site/daten/landesnetz-rlp.json', import.meta.url), 'utf8'));
  const sameNetwork = { ...network, centres: network.centres.map((c: Centre) => ({ ...c, contacts: { ...c.contacts, anonymous: { ...c.contacts!.anonymous!, relay: '/relay' } } })) };
  assert.deepEqual({ ...portal, $schema: undefined }, { ...sameNetwork, $schema: undefined });
});

test('search: the channel filter knows the anonymous message; "open now" counts it when it is the channel asked for', async () => {
  const withChannel = { ...centre('demo-rlp-trier', channel(trierKey)), hours: { phone: 'Mo-Fr 09:00-10:00' } };
  const withoutChannel = { ...centre('b', undefined), contacts: { phone: '+49 69 90009 300' }, hours: { phone: 'Mo-Fr 09:00-10:00' } };
  const { centres } = await check(withChannel, withoutChannel);
  const { makeSchedule } = await import('../src/checking.js');
  const index = new DirectoryIndex(centres as Centre[], {}, makeSchedule);
  const ids = (q: object) => index.query(q).map((h) => h.centre.id);
  // A Wednesday at 22:00 in Berlin: no phone is open.
  const night = Date.parse('2026-11-25T22:00:00+01:00');
  assert.deepEqual(ids({ channels: ['anonymous-message'] }), ['demo-rlp-trier']);
  assert.deepEqual(ids({ channels: ['phone'] }), ['b', 'demo-rlp-trier']);
  assert.deepEqual(ids({ channels: ['anonymous-message'], openNow: true, now: night }), ['demo-rlp-trier'], 'writing is always possible');
  assert.deepEqual(ids({ channels: ['phone'], openNow: true, now: night }), []);
  assert.deepEqual(ids({ openNow: true, now: night }), [], 'without a channel asked for, "open now" means someone is there now');
  const morning = Date.parse('2026-11-25T09:30:00+01:00');
  assert.deepEqual(ids({ channels: ['phone', 'anonymous-message'], openNow: true, now: morning }), ['b', 'demo-rlp-trier']);
});
