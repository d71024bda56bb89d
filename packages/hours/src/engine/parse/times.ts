// times = time "-" time { "," time "-" time }        end 24:00 allowed; end before start: next day
// time  = H:MM | HH:MM
import type { Tokens } from './tokens.js';

const MINUTES_PER_DAY = 1440;

const isTime = (text: string): boolean => /^\d+:/.test(text);

export const startsTimes = (tokens: Tokens): boolean => isTime(tokens.current);

/** Minutes after midnight; an end may be 24:00. */
const time = (tokens: Tokens, isEnd: boolean): number => {
  const match = /^(\d\d?):([0-5]\d)$/.exec(tokens.current);
  const minutes = match ? +match[1]! * 60 + +match[2]! : Infinity;
  const latest = isEnd ? MINUTES_PER_DAY : MINUTES_PER_DAY - 1;
  if (minutes > latest) {
    tokens.fail(['a time 00:00-' + (isEnd ? '24:00' : '23:59')]);
  }
  tokens.advance();
  return minutes;
};

/** [start, end) ranges in minutes after midnight; an end before the start is on the next day (end > 1440). */
export const parseTimes = (tokens: Tokens): [number, number][] => {
  const times: [number, number][] = [];
  for (;;) {
    const start = time(tokens, false);
    if (!tokens.accept('-')) {
      tokens.fail(['"-"']);
    }
    const end = time(tokens, true);
    if (start === end) {
      tokens.fail(['a time other than ' + tokens.textAt(tokens.index - 1)], tokens.index - 1);
    }
    times.push([start, end < start ? end + MINUTES_PER_DAY : end]);
    // A "," followed by a time continues the list; any other "," starts an additional rule.
    if (tokens.current !== ',' || !isTime(tokens.textAt(tokens.index + 1))) {
      return times;
    }
    tokens.advance();
  }
};
