// rule = "24/7" [modifier] | [dates] [weekdays] [times] [modifier]          (not empty)
import { parseDates, startsDates } from './dates.js';
import { parseComment, parseModifier, startsComment, startsModifier } from './modifier.js';
import { parseTimes, startsTimes } from './times.js';
import { A_COMMENT, A_MODIFIER, A_MONTH, A_RULE_SEPARATOR, A_TIME, A_WEEKDAY, PUBLIC_HOLIDAY, type Tokens } from './tokens.js';
import { parseWeekdays, startsWeekdays } from './weekdays.js';

export type RuleStatus = 'open' | 'closed' | 'unknown';

export interface Rule {
  /** How the rule joins the previous one: ';' normal (overrides), ',' additional, '||' fallback (also for a ',' rule after a fallback rule). */
  join: ';' | ',' | '||';
  /** Inclusive date ranges: yyyymmdd with a year, mmdd every year (from > to wraps the year end). */
  dates?: [number, number][];
  /** Per weekday (0 = Mo): bits 0-4 select the 1st-5th, bits 5-9 the last-5th-last of the month; 2047 = every. */
  days?: number[];
  /** Public holidays selected (besides the weekdays). */
  ph?: boolean;
  /** [start, end) in minutes after midnight; end > 1440 reaches into the next day. None: the whole day. */
  times?: [number, number][];
  /** 'open' by default; 'unknown' for a comment without a keyword (as OSM). */
  status: RuleStatus;
  comment?: string;
  /** The rule's own text. */
  text: string;
}

/**
 * One rule from the current token on, and what could have come after it (for the error when no rule
 * separator follows). `text` is the whole text, for Rule.text.
 */
export const parseRule = (tokens: Tokens, text: string, join: Rule['join']): [rule: Rule, expectedNext: string[]] => {
  const firstIndex = tokens.index;
  const rule: Rule = { join, status: 'open', text: '' };
  let expected = [A_WEEKDAY, PUBLIC_HOLIDAY, A_MONTH, A_TIME];
  if (tokens.accept('24/7')) {
    rule.times = [[0, 1440]];
    expected = [A_MODIFIER, A_COMMENT, A_RULE_SEPARATOR];
  } else {
    if (startsDates(tokens)) {
      rule.dates = parseDates(tokens);
      expected = [A_WEEKDAY, PUBLIC_HOLIDAY, A_TIME, A_MODIFIER, A_RULE_SEPARATOR];
    }
    if (startsWeekdays(tokens)) {
      parseWeekdays(tokens, rule);
      expected = [A_TIME, A_MODIFIER, A_RULE_SEPARATOR];
    }
    if (startsTimes(tokens)) {
      rule.times = parseTimes(tokens);
      expected = [A_MODIFIER, A_COMMENT, A_RULE_SEPARATOR];
    }
  }
  const hasKeyword = startsModifier(tokens);
  if (hasKeyword) {
    parseModifier(tokens, rule);
    expected = [A_COMMENT, A_RULE_SEPARATOR];
  }
  if (startsComment(tokens)) {
    parseComment(tokens, rule, hasKeyword);
    expected = [A_RULE_SEPARATOR];
  }
  if (tokens.index === firstIndex) {
    tokens.fail(expected);
  }
  const lastIndex = tokens.index - 1;
  rule.text = text.slice(tokens.positionAt(firstIndex), tokens.positionAt(lastIndex) + tokens.textAt(lastIndex).length);
  return [rule, expected];
};
