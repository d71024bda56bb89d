/**
 * The figures as the API gives them: a team's own, exact; the network's for
 * the coordination office, every centre side by side and the sum, with small
 * counts suppressed. docs/network.md says what they contain and what not.
 *
 * Suppression: a count below 5 (0 included, so "nothing happened" is not told
 * apart from "one person wrote") is given as `{ "count": null, "suppressed":
 * true }` and shown as "< 5". Where only one centre's count in a row is
 * suppressed, the sum would give it away (sum minus the others), so the next
 * smallest centre's count of that row is suppressed too; a sum below 5 is
 * suppressed like any count.
 */
import { answerBuckets, figureEvents, type AnswerBucket, type FigureEvent, type MonthlyFigures } from './store.js';

export const suppressionThreshold = 5;

/** A count the coordinator sees: exact, or suppressed because it (or a neighbour in its row) is below 5. */
export type ShownCount = { count: number } | { count: null; suppressed: true };

/** One centre's month without its name: the counts and the first-answer distribution. */
export type Counts<Value> = Record<FigureEvent, Value> & { firstAnswer: Record<AnswerBucket, Value> };

export interface TeamFigures {
  centre: string;
  timeZone: string;
  months: (Counts<number> & { month: string })[];
}

export interface NetworkFigures {
  timeZone: string;
  threshold: number;
  centres: string[];
  months: { month: string; centres: Record<string, Counts<ShownCount>>; total: Counts<ShownCount> }[];
}

/** Every count of a month as a path: the events, then `firstAnswer.<bucket>`. */
type CountPath = FigureEvent | AnswerBucket;
const countPaths: CountPath[] = [...figureEvents, ...answerBuckets];
const isBucket = (path: CountPath): path is AnswerBucket => (answerBuckets as readonly string[]).includes(path);

function countAt(figures: Counts<number>, path: CountPath): number {
  return isBucket(path) ? figures.firstAnswer[path] : figures[path];
}

function zeroCounts(): Counts<number> {
  const firstAnswer = Object.fromEntries(answerBuckets.map((bucket) => [bucket, 0])) as Record<AnswerBucket, number>;
  return { firstContacts: 0, followUps: 0, answers: 0, closed: 0, deletedByPerson: 0, firstAnswer };
}

function countsOf(row: MonthlyFigures): Counts<number> {
  return {
    firstContacts: row.firstContacts,
    followUps: row.followUps,
    answers: row.answers,
    closed: row.closed,
    deletedByPerson: row.deletedByPerson,
    firstAnswer: { ...row.firstAnswer },
  };
}

export function teamFigures(centre: string, timeZone: string, rows: MonthlyFigures[]): TeamFigures {
  return { centre, timeZone, months: rows.filter((row) => row.centre === centre).map((row) => ({ month: row.month, ...countsOf(row) })) };
}

/** Builds a Counts of shown values from a function of the path. */
function shownCounts(value: (path: CountPath) => ShownCount): Counts<ShownCount> {
  const firstAnswer = Object.fromEntries(answerBuckets.map((bucket) => [bucket, value(bucket)])) as Record<AnswerBucket, ShownCount>;
  const events = Object.fromEntries(figureEvents.map((event) => [event, value(event)])) as Record<FigureEvent, ShownCount>;
  return { ...events, firstAnswer };
}

const shown = (count: number, suppressed: boolean): ShownCount => (suppressed ? { count: null, suppressed: true } : { count });

/** Which centres' counts in one row (a month and a count) are suppressed. */
function suppressedInRow(values: Map<string, number>): Set<string> {
  const suppressed = new Set([...values].filter(([, count]) => count < suppressionThreshold).map(([centre]) => centre));
  const total = [...values.values()].reduce((sum, count) => sum + count, 0);
  if (suppressed.size === 1 && total >= suppressionThreshold) {
    // Secondary suppression: the smallest count still shown goes too, so the sum does not reveal the first.
    const smallestShown = [...values].filter(([centre]) => !suppressed.has(centre)).sort((a, b) => a[1] - b[1])[0];
    if (smallestShown) suppressed.add(smallestShown[0]);
  }
  return suppressed;
}

/** Every centre side by side and the sum, month by month, with small counts suppressed. */
export function networkFigures(centres: string[], timeZone: string, rows: MonthlyFigures[]): NetworkFigures {
  const allCentres = [...new Set([...centres, ...rows.map((row) => row.centre)])].sort();
  const months = [...new Set(rows.map((row) => row.month))].sort();
  return {
    timeZone,
    threshold: suppressionThreshold,
    centres: allCentres,
    months: months.map((month) => {
      const byCentre = new Map(allCentres.map((centre) => [centre, zeroCounts()]));
      for (const row of rows) if (row.month === month) byCentre.set(row.centre, countsOf(row));
      const suppressedByPath = new Map(countPaths.map((path) => [path, suppressedInRow(new Map(allCentres.map((centre) => [centre, countAt(byCentre.get(centre)!, path)])))]));
      const totalAt = (path: CountPath) => allCentres.reduce((sum, centre) => sum + countAt(byCentre.get(centre)!, path), 0);
      return {
        month,
        centres: Object.fromEntries(allCentres.map((centre) => [centre, shownCounts((path) => shown(countAt(byCentre.get(centre)!, path), suppressedByPath.get(path)!.has(centre)))])),
        total: shownCounts((path) => shown(totalAt(path), totalAt(path) < suppressionThreshold)),
      };
    }),
  };
}
