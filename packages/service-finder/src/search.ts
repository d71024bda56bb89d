/**
 * The finder's search over a directory: text (German-aware, tolerant of small
 * typos), filters, distance. Built once per directory; a query touches only
 * precomputed arrays, so 10,000 centres answer within a few milliseconds
 * (bench/service-finder.mjs). No DOM.
 */
import type { Centre, Channel, ReachChannel, Topic } from './model.js';
import { allowedEdits, distanceKm, withinEdits, words } from './text.js';

export interface Origin {
  lat: number;
  lon: number;
  /** For "responsible for my postcode". */
  postcode?: string;
  district?: string;
}

export interface Query {
  text?: string;
  origin?: Origin;
  /** Only centres within this many kilometres of the origin. */
  radiusKm?: number;
  /** Any of these topics. */
  topics?: readonly Topic[];
  /** Counselling in any of these languages (base language matches: "ro" finds "ro-MD"). */
  languages?: readonly string[];
  anonymous?: boolean;
  free?: boolean;
  stepFree?: boolean;
  /** Has hours for any of these channels (or, for phone and chat, the contact; for the anonymous message, the channel). */
  channels?: readonly ReachChannel[];
  /**
   * Open now on any channel with hours (or any of `channels`), at `now`. The
   * anonymous message counts only when it is among `channels`: writing is
   * always possible, but the answer comes in the team's working hours.
   */
  openNow?: boolean;
  now?: number;
  /** Only centres whose area covers the origin's postcode or district. */
  responsible?: boolean;
}

/** What "open now" needs of the hours engine (hours-check.ts provides it; passed in so the engine loads on demand). */
export type ScheduleFactory = (spec: string, region: string) => { stateAt(instant: number): { status: string; until?: number } };

export interface Hit {
  centre: Centre;
  distanceKm?: number;
  /** Higher is a better text match. */
  score: number;
}

const AGS_LAND = ['', 'DE-SH', 'DE-HH', 'DE-NI', 'DE-HB', 'DE-NW', 'DE-HE', 'DE-RP', 'DE-BW', 'DE-BY', 'DE-SL', 'DE-BE', 'DE-BB', 'DE-MV', 'DE-SN', 'DE-ST', 'DE-TH'];

export class DirectoryIndex {
  readonly centres: readonly Centre[];
  private readonly tokens = new Map<string, Set<number>>();
  private readonly tokenList: string[];
  private readonly matchCache = new Map<string, Map<number, number>>();
  // Keyed by Land and hours text: directories repeat the same hours a lot, and
  // each distinct text is parsed and evaluated once.
  private readonly schedules = new Map<string, ReturnType<ScheduleFactory>>();
  private readonly openCache = new Map<string, { status: boolean; from: number; until: number }>();
  /** Per centre, its name's place in the German collation: sorting compares numbers. */
  private readonly rank: Int32Array;
  private readonly byName: number[];

  /**
   * @param topicWords extra words per topic (its names in the languages in use),
   *   so "Wohnung" or "housing" finds centres with the topic `housing`.
   */
  constructor(
    centres: readonly Centre[],
    topicWords: Partial<Record<Topic, string>> = {},
    private readonly makeSchedule?: ScheduleFactory,
  ) {
    this.centres = centres;
    centres.forEach((centre, i) => {
      const text = [centre.name, centre.organisation, centre.address.city, centre.address.postcode, ...centre.topics.map((t) => `${t} ${topicWords[t] ?? ''}`)];
      for (const word of words(text.filter(Boolean).join(' '))) {
        let set = this.tokens.get(word);
        if (!set) this.tokens.set(word, (set = new Set()));
        set.add(i);
      }
    });
    this.tokenList = [...this.tokens.keys()];
    const collator = new Intl.Collator('de');
    this.byName = [...centres.keys()].sort((a, b) => collator.compare(centres[a]!.name, centres[b]!.name));
    this.rank = new Int32Array(centres.length);
    this.byName.forEach((centre, position) => (this.rank[centre] = position));
  }

  /** Centre index → score for one query word: a prefix scores 3, a near miss 1. */
  private matches(word: string): Map<number, number> {
    const cached = this.matchCache.get(word);
    if (cached) return cached;
    const result = new Map<number, number>();
    const edits = allowedEdits(word.length);
    for (const token of this.tokenList) {
      let score = 0;
      if (token.startsWith(word)) score = token.length === word.length ? 4 : 3;
      else if (edits > 0 && (withinEdits(word, token, edits) || (token.length > word.length && withinEdits(word, token, edits, word.length)))) score = 1;
      if (!score) continue;
      for (const i of this.tokens.get(token)!) result.set(i, Math.max(result.get(i) ?? 0, score));
    }
    if (this.matchCache.size > 500) this.matchCache.clear();
    this.matchCache.set(word, result);
    return result;
  }

  /** Open at `now` on the channel; cached until the next change, so typing does not re-evaluate. */
  isOpen(centre: Centre, channel: Channel, now: number): boolean {
    const spec = centre.hours?.[channel];
    if (!spec || !this.makeSchedule) return false;
    const key = `${centre.land}\u0000${spec}`;
    const cached = this.openCache.get(key);
    if (cached && now >= cached.from && now < cached.until) return cached.status;
    let schedule = this.schedules.get(key);
    if (!schedule) this.schedules.set(key, (schedule = this.makeSchedule(spec, centre.land)));
    const state = schedule.stateAt(now);
    const until = Math.min(state.until ?? now + 60_000, now + 86_400_000);
    this.openCache.set(key, { status: state.status === 'open', from: now, until });
    return state.status === 'open';
  }

  /** Open now on the channel; the anonymous message is always open (writing is always possible). */
  private reachableNow(centre: Centre, channel: ReachChannel, now: number): boolean {
    return channel === 'anonymous-message' ? offers(centre, channel) : this.isOpen(centre, channel, now);
  }

  query(q: Query): Hit[] {
    const queryWords = q.text ? words(q.text) : [];
    let scores: Map<number, number> | undefined;
    for (const word of queryWords) {
      const found = this.matches(word);
      if (!scores) scores = new Map(found);
      else {
        for (const [i, s] of scores) {
          if (found.has(i)) scores.set(i, s + found.get(i)!);
          else scores.delete(i);
        }
      }
      if (scores.size === 0) return [];
    }
    const now = q.now ?? Date.now();
    const languages = q.languages?.map((l) => l.toLowerCase().split('-')[0]!);
    const found: number[] = [];
    const distances: (number | undefined)[] = [];
    const candidates = scores ? [...scores.keys()] : this.byName;
    for (const i of candidates) {
      const c = this.centres[i]!;
      if (q.anonymous && !c.anonymous) continue;
      if (q.free && !c.free) continue;
      if (q.stepFree && !c.accessibility?.stepFree) continue;
      if (q.topics?.length && !q.topics.some((t) => c.topics.includes(t))) continue;
      if (languages?.length && !c.languages?.some((l) => languages.includes(l.toLowerCase().split('-')[0]!))) continue;
      if (q.channels?.length && !q.channels.some((ch) => offers(c, ch))) continue;
      if (q.openNow && !(q.channels?.length ? q.channels : (Object.keys(c.hours ?? {}) as Channel[])).some((ch) => this.reachableNow(c, ch, now))) continue;
      if (q.responsible && !(q.origin && responsibleFor(c, q.origin))) continue;
      let distance: number | undefined;
      if (q.origin && c.location) {
        distance = distanceKm(q.origin, c.location);
        if (q.radiusKm !== undefined && distance > q.radiusKm) continue;
      } else if (q.origin && q.radiusKm !== undefined && !q.responsible) continue;
      found.push(i);
      distances.push(distance);
    }
    // Without an origin or a text, the candidates came in name order already.
    // Otherwise one number per hit (distance in 100 m steps, then text score,
    // then the name's rank, which is unique) sorted as a typed array: far
    // faster than a comparator over objects when 10,000 centres match.
    let order = found.map((_, k) => k);
    if (q.origin || scores) {
      const keys = new Float64Array(found.length);
      const atRank = new Int32Array(this.centres.length);
      found.forEach((i, k) => {
        const d = distances[k];
        const distancePart = d === undefined ? 2 ** 24 - 1 : Math.min(2 ** 24 - 2, Math.round(d * 10));
        const scorePart = 63 - Math.min(63, scores?.get(i) ?? 0);
        const rank = this.rank[i]!;
        keys[k] = (distancePart * 64 + scorePart) * 2 ** 20 + rank;
        atRank[rank] = k;
      });
      order = Array.from(keys.sort(), (key) => atRank[key % 2 ** 20]!);
    }
    return order.map((k) => {
      const i = found[k]!;
      const d = distances[k];
      const score = scores?.get(i) ?? 0;
      return d === undefined ? { centre: this.centres[i]!, score } : { centre: this.centres[i]!, distanceKm: d, score };
    });
  }
}

/** Whether the centre can be reached on a channel at all. */
export function offers(c: Centre, channel: ReachChannel): boolean {
  if (channel === 'anonymous-message') return Boolean(c.contacts?.anonymous);
  if (c.hours?.[channel]) return true;
  if (channel === 'phone') return Boolean(c.contacts?.phone);
  if (channel === 'chat') return Boolean(c.contacts?.chat);
  if (channel === 'email') return Boolean(c.contacts?.email);
  return false;
}

/** Whether the centre's area of responsibility covers the place. Without an area, it covers nothing. */
export function responsibleFor(c: Centre, place: Origin): boolean {
  const area = c.area;
  if (!area) return false;
  if (place.postcode && area.postcodePrefixes?.some((p) => place.postcode!.startsWith(p))) return true;
  if (place.district && area.districts?.includes(place.district)) return true;
  const land = place.district ? AGS_LAND[Number(place.district.slice(0, 2))] : undefined;
  return Boolean(land && area.lands?.includes(land));
}
