// weekdays = wday { "," wday }
// wday     = "PH" | wd ["-" wd] | wd "[" nth {"," nth} "]"
// nth      = 1..5 | "-" 1..5
import type { Rule } from './rule.js';
import { A_WEEKDAY, PUBLIC_HOLIDAY, WEEKDAYS, isOneOrTwoDigits, type Tokens } from './tokens.js';

/** Rule.days of a weekday selected in every week. 2047 includes bit 10, which no calendar day has: schema-org.ts uses it for "any week". */
export const EVERY_WEEK = 2047;

/** 0-6 (Mo-Su), or -1 for a token that is not a weekday. */
const weekdayIndex = (text: string): number => WEEKDAYS.indexOf(text);

export const startsWeekdays = (tokens: Tokens): boolean => weekdayIndex(tokens.current) >= 0 || tokens.current === 'PH';

const nth = (tokens: Tokens): number => {
  const number = +tokens.current;
  if (!isOneOrTwoDigits(tokens.current) || number < 1 || number > 5) {
    tokens.fail(['a number 1-5']);
  }
  tokens.advance();
  return number;
};

/** The weeks of "[1,-1]" after a weekday, as Rule.days bits: 0-4 the 1st to 5th such weekday of the month, 5-9 the last to 5th last. */
const weeksOfMonth = (tokens: Tokens): number => {
  let bits = 0;
  for (;;) {
    if (tokens.accept('-')) {
      bits |= 16 << nth(tokens);
    } else {
      bits |= 1 << (nth(tokens) - 1);
    }
    if (tokens.accept(']')) {
      return bits;
    }
    if (!tokens.accept(',')) {
      tokens.fail(['","', '"]"']);
    }
  }
};

/** The weekdays and public holidays a rule selects, into Rule.days (when it names a weekday) and Rule.ph. */
export const parseWeekdays = (tokens: Tokens, rule: Rule): void => {
  const days = [0, 0, 0, 0, 0, 0, 0];
  do {
    if (tokens.accept('PH')) {
      rule.ph = true;
      continue;
    }
    const first = weekdayIndex(tokens.current);
    if (first < 0) {
      tokens.fail([A_WEEKDAY, PUBLIC_HOLIDAY]);
    }
    tokens.advance();
    rule.days = days;
    if (tokens.accept('[')) {
      days[first]! |= weeksOfMonth(tokens);
      continue;
    }
    let last = first;
    if (tokens.accept('-')) {
      last = weekdayIndex(tokens.current);
      if (last < 0) {
        tokens.fail([A_WEEKDAY]);
      }
      tokens.advance();
    }
    // A range may wrap past Sunday (Sa-Mo).
    for (let weekday = first; ; weekday = (weekday + 1) % 7) {
      days[weekday] = EVERY_WEEK;
      if (weekday === last) {
        break;
      }
    }
  } while (tokens.accept(','));
};
