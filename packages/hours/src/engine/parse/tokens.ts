// The words of the opening-hours grammar (parse.ts) and a reader over the tokens of a text, shared by
// the grammar's steps.

export const WEEKDAYS = 'Mo Tu We Th Fr Sa Su'.split(' ');
export const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** German weekday abbreviations that differ from the OSM ones, for a hint. */
const GERMAN_WEEKDAYS = new Map([
  ['di', 'Tu'],
  ['mi', 'We'],
  ['do', 'Th'],
  ['so', 'Su'],
]);

// What an error message says was expected.
export const A_WEEKDAY = 'a weekday';
export const PUBLIC_HOLIDAY = '"PH"';
export const A_MONTH = 'a month';
export const A_TIME = 'a time';
/** Stands for all the modifiers. */
export const A_MODIFIER = '"off"';
export const A_COMMENT = 'a comment';
/** Stands for all the rule separators. */
export const A_RULE_SEPARATOR = '";"';

export class OpeningHoursError extends Error {
  constructor(
    /** 0-based index into the text. */
    readonly position: number,
    /** The offending text; '' at the end of the input. */
    readonly found: string,
    readonly expected: string[],
  ) {
    super(`at ${position}: found ${found ? `"${found}"` : 'end of input'}, expected ${expected.join(', ').replace(/, ([^,]+)$/, ' or $1')}`);
    this.name = 'OpeningHoursError';
  }
}

/** A token's text and its 0-based position in the text. */
type Token = [text: string, position: number];

const TOKEN = /\s*(24\/7|\|\||\d+:\d+|\d+|\p{L}+|"[^"]*"?|\S)/uy;

/** The tokens of a text, read one after the other. The last token is '' (the end of the input). */
export class Tokens {
  readonly #tokens: Token[] = [];
  /** The index of the current token. */
  index = 0;

  constructor(text: string) {
    const pattern = new RegExp(TOKEN);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      this.#tokens.push([match[1]!, pattern.lastIndex - match[1]!.length]);
    }
    this.#tokens.push(['', text.length]);
  }

  /** The current token's text; '' at the end of the input. */
  get current(): string {
    return this.#tokens[this.index]![0];
  }

  /** The text of the token at `index`. */
  textAt(index: number): string {
    return this.#tokens[index]![0];
  }

  /** The position in the text of the token at `index`. */
  positionAt(index: number): number {
    return this.#tokens[index]![1];
  }

  advance(): void {
    this.index++;
  }

  /** Moves past the current token if it is `text`. */
  accept(text: string): boolean {
    if (this.current !== text) {
      return false;
    }
    this.index++;
    return true;
  }

  /** Throws an OpeningHoursError for the token at `index` (the current one by default). */
  fail(expected: string[], index = this.index): never {
    const found = this.textAt(index);
    const lowerCase = found.toLowerCase();
    // A near miss (other case, German abbreviation) of a name expected here gets its OSM spelling.
    const spelling = [...WEEKDAYS, ...MONTHS].find((name) => name.toLowerCase() === lowerCase) ?? GERMAN_WEEKDAYS.get(lowerCase);
    if (spelling) {
      const kind = spelling.length === 3 ? A_MONTH : A_WEEKDAY;
      if (expected.includes(kind)) {
        expected = [kind + ' such as ' + spelling];
      }
    }
    throw new OpeningHoursError(this.positionAt(index), found, expected);
  }
}

/** Whether a token is a number of one or two digits. */
export const isOneOrTwoDigits = (text: string): boolean => /^\d\d?$/.test(text);
