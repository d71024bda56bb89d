import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { urlPattern, urlRules } from '@wegweiser/core/safe-url';
import { checkDirectory } from '../src/directory.js';
import { hostileUrls } from '../../../scripts/testing/hostile-urls.js';

const schemaFile = JSON.parse(readFileSync(new URL('../schema/directory.schema.json', import.meta.url), 'utf8'));
const centre = (contacts: object) => ({ id: 'a', name: 'Beratung A', address: { city: 'Mainz' }, land: 'DE-RP', lastChecked: '2026-11-01', topics: ['job'], contacts });

test("the schema's website and chat patterns are core's safe-URL rule, so `wegweiser-directory validate` and the finder agree", () => {
  const contacts = schemaFile.$defs.centre.properties.contacts.properties;
  assert.equal(contacts.website.format, urlRules.webPage.format);
  assert.equal(contacts.website.pattern, urlPattern(urlRules.webPage));
  assert.equal(contacts.chat.format, urlRules.securePage.format);
  assert.equal(contacts.chat.pattern, urlPattern(urlRules.securePage));
});

test('an entry whose website or chat could run script or lead elsewhere is skipped and reported by JSON path', () => {
  const refused = [...hostileUrls.map((h) => h.value), '/kontakt', 'kontakt.html'];
  for (const value of refused) {
    for (const field of ['website', 'chat']) {
      const checked = checkDirectory({ version: 1, centres: [centre({ [field]: value }), { ...centre({}), id: 'b' }] });
      assert.deepEqual(
        checked.centres.map((c) => c.id),
        ['b'],
        `${field} ${JSON.stringify(value)}`,
      );
      assert.deepEqual(
        checked.problems.map((p) => `${p.path} ${p.keyword}`),
        [`$.centres[0].contacts.${field} format`],
        `${field} ${JSON.stringify(value)}`,
      );
    }
  }
});

test('ordinary websites and chats pass', () => {
  const checked = checkDirectory({ version: 1, centres: [centre({ website: 'https://beratung.example/', chat: 'https://chat.example/raum' })] });
  assert.deepEqual(checked.problems, []);
  assert.equal(checked.centres.length, 1);
  const insecureChat = checkDirectory({ version: 1, centres: [centre({ chat: 'http://chat.example/raum' })] });
  assert.equal(insecureChat.centres.length, 0, 'a chat must be https');
});
