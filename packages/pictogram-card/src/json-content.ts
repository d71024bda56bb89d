// The JSON form of a card's content: its schema and how it becomes versions.
// Loaded only when a card has JSON content, so cards written as HTML do not
// carry the validator.
import { textDirection } from '@wegweiser/core';
import { validate, type JsonSchema } from '@wegweiser/core/validate';
import { readAction, unique, variants, type CardContent, type CardVersion, type ContentProblem } from './content.js';

const text = { type: 'string', minLength: 1 } as const;
/** The JSON Schema of `CardContent` (also in docs/pictograms.md). */
export const contentSchema: JsonSchema = {
  type: 'object',
  required: ['versions'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    pictogram: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    versions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['lang', 'title'],
        additionalProperties: false,
        properties: {
          lang: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' },
          variant: { enum: variants },
          dir: { enum: ['ltr', 'rtl'] },
          draft: { type: 'boolean' },
          title: text,
          text,
          more: { anyOf: [text, { type: 'array', items: text }] },
          moreLabel: text,
          action: { type: 'object', required: ['href', 'label'], additionalProperties: false, properties: { href: text, label: text } },
        },
      },
    },
  },
};

/** The problems of `value` as a card's JSON content, one line, or '' when it is valid. */
export function contentProblems(value: unknown): string {
  return validate(contentSchema, value)
    .map((p) => `${p.path} ${p.message}`)
    .join('; ');
}

/** The versions of JSON content that passed `contentSchema`. */
export function versionsFromJson(content: CardContent): { versions: CardVersion[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const versions = content.versions.map(
    (v): CardVersion => ({
      lang: v.lang,
      variant: v.variant,
      dir: v.dir ?? textDirection(v.lang),
      draft: v.draft === true,
      title: v.title,
      text: v.text,
      more: v.more === undefined ? undefined : typeof v.more === 'string' ? [v.more] : v.more,
      moreLabel: v.moreLabel,
      action: v.action ? readAction(v.action.href, v.action.label, v.lang, problems) : undefined,
    }),
  );
  return { versions: unique(versions, problems), problems };
}

