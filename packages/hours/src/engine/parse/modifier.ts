// modifier = ("open" | "off" | "closed" | "unknown") [comment] | comment
import type { Rule, RuleStatus } from './rule.js';
import type { Tokens } from './tokens.js';

const MODIFIERS = 'open off closed unknown'.split(' ');

export const startsModifier = (tokens: Tokens): boolean => MODIFIERS.includes(tokens.current);
export const startsComment = (tokens: Tokens): boolean => tokens.current[0] === '"';

/** The status keyword, into Rule.status. */
export const parseModifier = (tokens: Tokens, rule: Rule): void => {
  // "off" is "closed".
  rule.status = (tokens.current === 'off' ? 'closed' : tokens.current) as RuleStatus;
  tokens.advance();
};

/** A comment in double quotes, into Rule.comment; without a keyword before it, the status is 'unknown' (as OSM). */
export const parseComment = (tokens: Tokens, rule: Rule, hasKeyword: boolean): void => {
  if (!/^".*"$/s.test(tokens.current)) {
    tokens.fail(['a closing "']);
  }
  rule.comment = tokens.current.slice(1, -1);
  if (!hasKeyword) {
    rule.status = 'unknown';
  }
  tokens.advance();
};
