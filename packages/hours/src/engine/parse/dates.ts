// dates = date { "," date }
// date  = [year] month [day] ["-" ([year] month [day] | day)]
import { A_MONTH, MONTHS, isOneOrTwoDigits, type Tokens } from './tokens.js';

const isYear = (text: string): boolean => /^\d{4}$/.test(text);
/** 1-12, or 0 for a token that is not a month. */
const monthNumber = (text: string): number => MONTHS.indexOf(text) + 1;

/** Whether the current token starts dates. */
export const startsDates = (tokens: Tokens): boolean => isYear(tokens.current) || monthNumber(tokens.current) > 0;

/** A year of four digits, if the current token is one. */
const optionalYear = (tokens: Tokens): number => {
  if (!isYear(tokens.current)) {
    return 0;
  }
  const year = +tokens.current;
  tokens.advance();
  return year;
};

/** A day of month `month` (in a leap year, so Feb 29 is one). */
const dayOfMonth = (tokens: Tokens, month: number): number => {
  const day = +tokens.current;
  if (!isOneOrTwoDigits(tokens.current) || new Date(Date.UTC(2000, month - 1, day)).getUTCDate() !== day) {
    tokens.fail(['a day of ' + MONTHS[month - 1]]);
  }
  tokens.advance();
  return day;
};

/**
 * One date or date range, as inclusive [from, to]: yyyymmdd with a year, mmdd without (from > to
 * wraps the year end). A month without a day is the whole month.
 */
const date = (tokens: Tokens): [number, number] => {
  const year = optionalYear(tokens);
  const month = monthNumber(tokens.current);
  if (!month) {
    tokens.fail([A_MONTH]);
  }
  tokens.advance();
  const day = isOneOrTwoDigits(tokens.current) ? dayOfMonth(tokens, month) : 0;
  const monthStart = year * 10000 + month * 100;
  const from = monthStart + (day || 1);
  let to = monthStart + (day || 31);
  if (tokens.accept('-')) {
    const endIndex = tokens.index;
    // The end year may only follow a start year.
    const endYear = year ? optionalYear(tokens) : 0;
    const endMonth = monthNumber(tokens.current);
    if (endMonth) {
      tokens.advance();
    } else if (endYear || !day) {
      tokens.fail([A_MONTH]);
    }
    const endDay = day ? dayOfMonth(tokens, endMonth || month) : 31;
    to = (endYear || year) * 10000 + (endMonth || month) * 100 + endDay;
    // Only a range without a year may run into the next year (Dec 24-Jan 02); "Dec 26-24" and
    // "2026 Dec 24-Jan 02" (write 2026 Dec 24-2027 Jan 02) are mistakes.
    if (to < from && (year || !endMonth)) {
      tokens.fail(['a later date'], endIndex);
    }
  }
  return [from, to];
};

export const parseDates = (tokens: Tokens): [number, number][] => {
  const dates = [date(tokens)];
  while (tokens.accept(',')) {
    dates.push(date(tokens));
  }
  return dates;
};
