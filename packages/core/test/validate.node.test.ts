import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, childPath, type JsonSchema } from '../src/validate.js';

const centre: JsonSchema = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+$' },
    name: { type: 'string', minLength: 1, maxLength: 10 },
    land: { enum: ['DE-RP', 'DE-BE'] },
    checked: { type: 'string', format: 'date' },
    web: { type: 'string', format: 'uri' },
    mail: { type: 'string', format: 'email' },
    age: { type: 'integer', minimum: 0, maximum: 120 },
    tags: { type: 'array', items: { $ref: '#/$defs/tag' }, minItems: 1, uniqueItems: true },
    text: { type: 'object', patternProperties: { '^[a-z]{2}$': { type: 'string' } }, additionalProperties: false, minProperties: 1 },
    contact: { oneOf: [{ type: 'object', required: ['phone'], properties: { phone: { type: 'string' } } }, { type: 'string', format: 'email' }] },
  },
  $defs: { tag: { type: 'string', enum: ['housing', 'health'] } },
};

const problems = (value: unknown) => validate(centre, value).map((p) => `${p.path} ${p.keyword}`);

test('a valid value has no problems', () => {
  assert.deepEqual(
    validate(centre, { id: 'a-1', name: 'Mainz', land: 'DE-RP', checked: '2026-02-28', web: 'https://example.org', mail: 'a@b.de', age: 3, tags: ['housing'], text: { de: 'x' }, contact: { phone: '1' } }),
    [],
  );
});

test('every rule reports with its JSONPath', () => {
  assert.deepEqual(problems({ id: 'A 1' }), ['$ required', '$.id pattern']);
  assert.deepEqual(problems({ id: 'a', name: '' }), ['$.name minLength']);
  assert.deepEqual(problems({ id: 'a', name: 'Elfzeichen!!' }), ['$.name maxLength']);
  assert.deepEqual(problems({ id: 'a', name: 'n', land: 'DE-XX' }), ['$.land enum']);
  assert.deepEqual(problems({ id: 'a', name: 'n', checked: '2026-02-30' }), ['$.checked format']);
  assert.deepEqual(problems({ id: 'a', name: 'n', web: 'example.org' }), ['$.web format']);
  assert.deepEqual(problems({ id: 'a', name: 'n', mail: 'nobody' }), ['$.mail format']);
  assert.deepEqual(problems({ id: 'a', name: 'n', age: 1.5 }), ['$.age type']);
  assert.deepEqual(problems({ id: 'a', name: 'n', age: -1 }), ['$.age minimum']);
  assert.deepEqual(problems({ id: 'a', name: 'n', age: 121 }), ['$.age maximum']);
  assert.deepEqual(problems({ id: 'a', name: 'n', tags: [] }), ['$.tags minItems']);
  assert.deepEqual(problems({ id: 'a', name: 'n', tags: ['housing', 'sport', 'housing'] }), ['$.tags[2] uniqueItems', '$.tags[1] enum']);
  assert.deepEqual(problems({ id: 'a', name: 'n', text: {} }), ['$.text minProperties']);
  assert.deepEqual(problems({ id: 'a', name: 'n', text: { deu: 'x' } }), ['$.text.deu additionalProperties']);
  assert.deepEqual(problems({ id: 'a', name: 'n', 'odd key': 1 }), ['$["odd key"] additionalProperties']);
  assert.deepEqual(problems('not an object'), ['$ type']);
  assert.deepEqual(problems(null), ['$ type']);
});

test('oneOf: none or several matching forms are problems, with the closest form explained', () => {
  const none = validate(centre, { id: 'a', name: 'n', contact: 'not-mail' });
  assert.equal(none[0]!.keyword, 'oneOf');
  assert.match(none[0]!.message, /none of the 2 allowed forms/);
  assert.deepEqual(
    none.slice(1).map((p) => p.keyword),
    ['format'],
  );
  const both: JsonSchema = { oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] };
  assert.match(validate(both, 'x')[0]!.message, /exactly one/);
  assert.deepEqual(validate({ anyOf: [{ type: 'string' }, { type: 'number' }] }, 3), []);
});

test('hostile values are reported, never executed or thrown on', () => {
  const inherited = JSON.parse('{"__proto__": {"id": "x"}, "name": "n"}') as unknown;
  assert.deepEqual(problems(inherited), ['$ required', '$.__proto__ additionalProperties']);
  const deep: unknown[] = [];
  let cursor = deep;
  for (let i = 0; i < 1000; i++) cursor.push((cursor = []));
  assert.deepEqual(validate({ type: 'array' }, deep), []);
});

test('a $ref that leads nowhere is a bug in the schema, and says so', () => {
  assert.throws(() => validate({ $ref: '#/$defs/missing' }, 1), /cannot be resolved/);
});

test('childPath quotes keys that are not identifiers', () => {
  assert.equal(childPath('$', 'name'), '$.name');
  assert.equal(childPath('$', 'a-b'), '$["a-b"]');
  assert.equal(childPath('$.x', 2), '$.x[2]');
});
