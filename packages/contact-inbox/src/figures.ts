/**
 * The figures as the inbox shows them (no DOM here): the relay's counters
 * (`GET /v1/inbox/figures` for a team, `/v1/inbox/network-figures` for the
 * coordination office; docs/network.md) as one table model, which the chart,
 * the data table and the CSV file are all drawn from, so they cannot disagree.
 * Plus what only the browser can count: topics and answer languages inside
 * the decrypted first messages the inbox holds.
 */

export const answerBuckets = ['under-1h', '1-4h', '4-24h', '1-3d', '3-7d', 'over-7d'] as const;
export type AnswerBucket = (typeof answerBuckets)[number];
export const figureEvents = ['firstContacts', 'followUps', 'answers', 'closed', 'deletedByPerson'] as const;
export type FigureEvent = (typeof figureEvents)[number];
/** A column of the table: an event, or a bucket of the time to the first answer. */
export type FigureColumn = FigureEvent | AnswerBucket;
export const figureColumns: readonly FigureColumn[] = [...figureEvents, ...answerBuckets];

type Counts<Value> = Record<FigureEvent, Value> & { firstAnswer: Record<AnswerBucket, Value> };
/** A count the coordination office sees: exact, or suppressed (below 5). */
export type ShownCount = { count: number } | { count: null; suppressed: true };

export interface TeamFiguresAnswer {
  centre: string;
  timeZone: string;
  months: (Counts<number> & { month: string })[];
}

export interface NetworkFiguresAnswer {
  timeZone: string;
  threshold: number;
  centres: string[];
  months: { month: string; centres: Record<string, Counts<ShownCount>>; total: Counts<ShownCount> }[];
}

/** One row: a month, and for the network a centre (null: the sum); a cell is null when suppressed. */
export interface FigureRow {
  month: string;
  centre: string | null;
  cells: (number | null)[];
}

export interface FigureTable {
  timeZone: string;
  /** Whether rows name centres (the coordination office's view). */
  network: boolean;
  rows: FigureRow[];
}

function cellsOf<Value>(counts: Counts<Value>, value: (raw: Value) => number | null): (number | null)[] {
  return figureColumns.map((column) => value((answerBuckets as readonly string[]).includes(column) ? counts.firstAnswer[column as AnswerBucket] : counts[column as FigureEvent]));
}

export function teamTable(answer: TeamFiguresAnswer): FigureTable {
  return {
    timeZone: answer.timeZone,
    network: false,
    rows: answer.months.map((month) => ({ month: month.month, centre: null, cells: cellsOf(month, (count) => count) })),
  };
}

const shownValue = (shown: ShownCount) => shown.count;

/** Month by month: every centre, then the sum (centre null). */
export function networkTable(answer: NetworkFiguresAnswer): FigureTable {
  const rows: FigureRow[] = [];
  for (const month of answer.months) {
    for (const centre of answer.centres) {
      const counts = month.centres[centre];
      if (counts) rows.push({ month: month.month, centre, cells: cellsOf(counts, shownValue) });
    }
    rows.push({ month: month.month, centre: null, cells: cellsOf(month.total, shownValue) });
  }
  return { timeZone: answer.timeZone, network: answer.centres.length > 0, rows };
}

/** The rows a chart draws: a team's months, or the network's sums. */
export function chartRows(table: FigureTable): FigureRow[] {
  return table.rows.filter((row) => row.centre === null);
}

/** One CSV field (RFC 4180): quoted when it holds a separator, a quote or a line break. */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV text from a header and rows of already formatted cells; CRLF line ends (RFC 4180). */
export function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A first message's topic and the language it asks the answer in, as decrypted in the browser. */
export interface FirstMessageFacts {
  topic: string | null;
  language: string | null;
  /** Unix seconds: when the conversation began. */
  createdAt: number;
}

export interface BrowserCounts {
  conversations: number;
  /** The first and the last conversation's start (Unix seconds), or null when none. */
  from: number | null;
  to: number | null;
  topics: [string, number][];
  languages: [string, number][];
}

/** Counts topics and answer languages (null: none given), most frequent first. */
export function countFirstMessages(facts: FirstMessageFacts[]): BrowserCounts {
  const tally = (values: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value ?? '', (counts.get(value ?? '') ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  const starts = facts.map((fact) => fact.createdAt);
  return {
    conversations: facts.length,
    from: starts.length ? Math.min(...starts) : null,
    to: starts.length ? Math.max(...starts) : null,
    topics: tally(facts.map((fact) => fact.topic)),
    languages: tally(facts.map((fact) => fact.language)),
  };
}
