// The search in the page's address (url-state): what a shared link may set, and what the
// finder writes back. A link is input like any other, so unknown values are dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressWithSearch, searchFromAddress } from '../src/url-state.js';

test('reads every part of the search from the address', () => {
  const search = searchFromAddress('?ww-q=Mainz&ww-km=50&ww-topics=money,housing&ww-lang=ro&ww-channels=phone,anonymous-message&ww-only=free,openNow', 25);
  assert.deepEqual({ ...search, flags: [...search.flags] }, {
    text: 'Mainz',
    km: 50,
    chosenTopics: ['money', 'housing'],
    language: 'ro',
    chosenChannels: ['phone', 'anonymous-message'],
    flags: ['free', 'openNow'],
  });
});

test('drops unknown topics, channels, flags and languages, and an unoffered radius', () => {
  const search = searchFromAddress('?ww-km=7&ww-topics=money,<script>&ww-lang=de-DE&ww-channels=pigeon&ww-only=free,everything', 25);
  assert.equal(search.km, 25);
  assert.deepEqual(search.chosenTopics, ['money']);
  assert.equal(search.language, '');
  assert.deepEqual(search.chosenChannels, []);
  assert.deepEqual([...search.flags], ['free']);
});

test('takes the element radius when the address names none, 0 (any distance) included', () => {
  assert.equal(searchFromAddress('', 10).km, 10);
  assert.equal(searchFromAddress('?ww-km=0', 10).km, 0);
});

test('writes only what is chosen, keeps the page own parameters, and the default radius not at all', () => {
  const href = addressWithSearch('https://beratung.example/finden?seite=2&ww-topics=debt', {
    text: '  55116 ',
    km: 25,
    chosenTopics: [],
    language: '',
    chosenChannels: ['chat'],
    flags: new Set(['anonymous']),
  });
  assert.equal(href, 'https://beratung.example/finden?seite=2&ww-q=55116&ww-channels=chat&ww-only=anonymous');
});

test('what it writes reads back the same', () => {
  const written = { text: 'Trier', km: 100, chosenTopics: ['health' as const], language: 'hu', chosenChannels: ['walk-in' as const], flags: new Set(['stepFree' as const]) };
  const read = searchFromAddress(new URL(addressWithSearch('https://beratung.example/', written)).search, 25);
  assert.deepEqual(read, written);
});
