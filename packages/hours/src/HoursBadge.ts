import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { WegweiserElement, clock, parseInstant, registerMessages } from '@wegweiser/core';
import { PageVisibility } from '@wegweiser/core/visibility';
import { Schedule, OpeningHoursError, type DaySummary, type HoursState, type OpenInterval } from './engine/index.js';
import { daysBetween, formatDate, formatDayAndDate, formatTime, formatWeekday, isoInZone, zoneName, zonedDate } from './format.js';
import { catalogue } from './generated/catalogue.js';
import { holidayName } from './holiday-names.js';
import { hoursBadgeStyles } from './hours-badge.styles.js';

registerMessages('@wegweiser/hours', catalogue);

export type HoursChannel = 'walk-in' | 'phone' | 'chat' | 'email' | 'streetwork';
const channels: readonly HoursChannel[] = ['walk-in', 'phone', 'chat', 'email', 'streetwork'];

/** "Closes soon" starts this long before closing. */
const CLOSES_SOON_MS = 30 * 60_000;
const MINUTE = 60_000;

/**
 * @summary Whether a counselling service is open now, in words, evaluated in
 * the centre's time zone wherever the visitor is; optionally the whole week.
 *
 * @slot - The opening hours as the site wrote them (e.g. "Mo–Fr 10–16 Uhr"):
 *   what people see before and without JavaScript, and afterwards under "Details".
 *
 * @csspart status - The sentence that says whether it is open.
 * @csspart channel - The channel label (phone, chat …).
 * @csspart week - The table of the coming seven days.
 * @csspart details - The site's own text, after upgrade.
 *
 * @cssproperty --ww-hours-badge-open-color - The marker colour while open; defaults to `--ww-color-success`.
 *
 * @fires ww-error - When `hours`, `region`, `time-zone`, `channel` or `now` is invalid; the detail's `cause` holds the parse error with its `position`.
 *
 * @status stable
 * @since 0.1.0
 */
export class HoursBadge extends WegweiserElement {
  static override styles = [...WegweiserElement.styles, hoursBadgeStyles];

  /** The opening hours in OpenStreetMap `opening_hours` syntax (the documented subset). */
  @property() hours: string | null = null;

  /** The Land for public holidays (`PH`), ISO 3166-2: `DE-BE`, `DE-RP` … */
  @property() region: string | null = null;

  /** An opt-in sub-region for local holidays: `DE-BY-AUGSBURG`. */
  @property() subregion: string | null = null;

  /** The centre's IANA time zone; the hours mean this zone's wall clock. */
  @property({ attribute: 'time-zone' }) timeZone = 'Europe/Berlin';

  /** What the hours are for: `walk-in`, `phone`, `chat`, `email` or `streetwork`. */
  @property() channel: string | null = null;

  /** A frozen instant (ISO 8601 with offset) for demos and tests; the badge then never updates by itself. */
  @property() now: string | null = null;

  /** Shows the coming seven days as a table. */
  @property({ type: Boolean, reflect: true, attribute: 'show-week' }) showWeek = false;

  private schedule: Schedule | undefined;
  private frozen: number | undefined;
  private timer: number | undefined;
  /** The sentence last shown: a change (it opens, it closes soon) is said, the first one is not. */
  private shownStatus: string | undefined;

  constructor() {
    super();
    // Background tabs sleep and timers drift: look again when the page is seen.
    new PageVisibility(this, () => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clock().clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hours') || changed.has('region') || changed.has('subregion') || changed.has('timeZone')) {
      this.schedule = this.buildSchedule();
    }
    if (changed.has('now')) {
      this.frozen = this.now === null ? undefined : parseInstant(this.now);
      if (this.now !== null && this.frozen === undefined) {
        this.reportError('hours/invalid-now', `now="${this.now}" is not an ISO 8601 instant with an offset (e.g. 2026-10-31T10:00:00+01:00); using the real time.`);
      }
    }
    if (changed.has('channel') && this.channel !== null && !channels.includes(this.channel as HoursChannel)) {
      this.reportError('hours/invalid-channel', `channel="${this.channel}" is not one of ${channels.join(', ')}; no channel is shown.`);
    }
    // The browser that takes over repeats the server's render at the server's instant, then updates.
    if (isServer && this.frozen === undefined) this.setAttribute('rendered-at', new Date(this.instant).toISOString());
  }

  private buildSchedule(): Schedule | undefined {
    if (this.hours === null || this.hours.trim() === '') {
      this.reportError('hours/missing-hours', 'The hours attribute is missing or empty; "Hours not available" is shown.');
      return undefined;
    }
    try {
      const options: { timeZone: string; region?: string; subregion?: string } = { timeZone: this.timeZone };
      if (this.region) options.region = this.region;
      if (this.subregion) options.subregion = this.subregion;
      return new Schedule(this.hours, options);
    } catch (error) {
      if (error instanceof OpeningHoursError) {
        this.reportError('hours/invalid-hours', `hours="${this.hours}": ${error.message}`, error);
      } else {
        this.reportError('hours/invalid-options', `${(error as Error).message} (region="${this.region ?? ''}", time-zone="${this.timeZone}")`, error);
      }
      return undefined;
    }
  }

  /** The instant the badge describes: the frozen `now`, else the page's clock. */
  get instant(): number {
    return this.frozen ?? (this.hydrating ? parseInstant(this.getAttribute('rendered-at')) : undefined) ?? clock().now();
  }

  protected override updated(): void {
    this.arm();
    const status = (this.renderRoot.querySelector('[part="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    // Written outside the template (it has no binding there): a state changed here would make Lit render again.
    const region = this.renderRoot.querySelector('.announcement');
    if (region && this.shownStatus !== undefined && status !== this.shownStatus) region.textContent = status;
    this.shownStatus = status;
  }

  /** One timer for the next moment the text changes; none when frozen. */
  private arm(): void {
    clock().clearTimeout(this.timer);
    this.timer = undefined;
    if (this.frozen !== undefined || !this.schedule || !this.isConnected) return;
    const now = this.instant;
    const until = this.schedule.stateAt(now).until;
    const candidates = [until, until === undefined ? undefined : until - CLOSES_SOON_MS, this.schedule.week(now)[0]?.end];
    const next = Math.min(...candidates.filter((t): t is number => t !== undefined && t > now));
    if (!Number.isFinite(next)) return;
    // setTimeout cannot wait longer than about 24.8 days.
    this.timer = clock().setTimeout(() => this.requestUpdate(), Math.min(next - now, 2 ** 31 - 1));
  }

  protected override render() {
    const locale = this.locale;
    const label = this.channelLabel();
    const now = this.instant;
    const state = this.schedule?.stateAt(now);
    const body = this.schedule && state ? this.renderState(this.schedule, state, now) : html`<span class="text">${msg('Hours not available')}</span>`;
    const kind = state ? this.stateKind(state, now) : 'unavailable';
    const slotted = this.hasLightText();
    return html`<div lang=${locale} dir=${this.localeDir}>
      <p part="status" class="status ${kind}">
        ${label ? html`<span part="channel" class="channel">${label}</span>` : nothing}
        <span class="marker" aria-hidden="true"></span>
        ${body}
      </p>
      <!-- Changes are said here, a live region of its own that is empty when the badge appears:
           Chromium reads out a live region inserted with its text (every badge of the finder's
           results, as they appeared while a postcode was typed). Without role="status": Chromium
           exposes that as a status bar, of which Orca reads only the times ("statusbar. 18:00."). -->
      <p class="announcement visually-hidden" aria-live="polite" aria-atomic="true"></p>
      ${this.schedule ? this.renderZoneNote() : nothing}
      ${this.schedule && this.showWeek ? this.renderWeek(this.schedule) : nothing}
      ${slotted
        ? html`<details part="details"><summary>${msg('Details')}</summary><slot></slot></details>`
        : html`<slot hidden></slot>`}
    </div>`;
  }

  private hasLightText(): boolean {
    return (this.textContent ?? '').trim() !== '';
  }

  private channelLabel(): string | undefined {
    switch (this.channel) {
      case 'walk-in':
        return msg('Walk-in:');
      case 'phone':
        return msg('Phone:');
      case 'chat':
        return msg('Chat:');
      case 'email':
        return msg('E-mail:');
      case 'streetwork':
        return msg('Streetwork:');
      default:
        return undefined;
    }
  }

  private stateKind(state: HoursState, now: number): string {
    if (state.status !== 'open') return state.status;
    // `until` is worked out when read: read it once.
    const until = state.until;
    return until !== undefined && until - now <= CLOSES_SOON_MS ? 'closing' : 'open';
  }

  private time(instant: number): TemplateResult {
    return html`<time datetime=${isoInZone(instant, this.timeZone)}>${formatTime(instant, this.locale, this.timeZone)}</time>`;
  }

  /**
   * The end of a range. One that ends at the day's midnight reads "24:00" in a
   * 24-hour locale ("10:00–24:00"), where Intl would write "00:00".
   */
  private endTime(instant: number, dayEnd: number): TemplateResult {
    const time = this.time(instant);
    if (instant !== dayEnd || !/^00:00$/.test(formatTime(instant, this.locale, this.timeZone))) return time;
    return html`<time datetime=${isoInZone(instant, this.timeZone)}>24:00</time>`;
  }

  /** "today at 18:00", "tomorrow at 10:00", "Monday at 10:00" or "on 5 January at 10:00". */
  private when(instant: number, now: number): TemplateResult {
    const days = daysBetween(zonedDate(now, this.timeZone), zonedDate(instant, this.timeZone));
    const time = this.time(instant);
    if (days === 0) return msg(html`today at ${time}`);
    if (days === 1) return msg(html`tomorrow at ${time}`);
    if (days < 7) {
      const weekday = formatWeekday(instant, this.locale, this.timeZone);
      return msg(html`${weekday} at ${time}`);
    }
    const date = formatDate(instant, this.locale, this.timeZone);
    return msg(html`on ${date} at ${time}`);
  }

  private renderState(schedule: Schedule, state: HoursState, now: number): TemplateResult {
    const comment = state.comment ? html` <span class="comment">(${state.comment})</span>` : nothing;
    if (state.status === 'open') {
      const end = state.until;
      if (end === undefined) return html`<span class="text">${msg('Open now, around the clock')}${comment}</span>`;
      const sameDay = zonedDate(end - 1, this.timeZone) === zonedDate(now, this.timeZone);
      const until = sameDay ? this.time(end) : this.when(end, now);
      if (end - now <= CLOSES_SOON_MS) return html`<span class="text">${msg(html`Closes soon, at ${until}`)}${comment}</span>`;
      return html`<span class="text">${msg(html`Open now, until ${until}`)}${comment}</span>`;
    }
    if (state.status === 'unknown') {
      const comment = state.comment;
      return html`<span class="text">${comment ? msg(str`No fixed hours now: ${comment}`) : msg('No fixed hours now')}</span>`;
    }
    const next = schedule.nextOpening(now);
    const holiday = state.holiday ? holidayName(state.holiday) : undefined;
    const closed = holiday ? msg(str`Closed today (${holiday}).`) : undefined;
    const when = next === undefined ? undefined : this.when(next, now);
    const opens = when === undefined ? undefined : msg(html`Opens ${when}`);
    return html`<span class="text"
      >${closed ?? nothing}${closed && opens ? ' ' : nothing}${opens ?? (closed ? nothing : msg('Closed'))}${comment}</span
    >`;
  }

  private renderZoneNote() {
    // The server cannot know the viewer's zone: it assumes the centre's, and the browser corrects it.
    if (isServer || this.hydrating) return nothing;
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (viewer === this.timeZone) return nothing;
    const zone = zoneName(this.instant, this.locale, this.timeZone);
    return html`<p class="zone">${msg(str`Time zone: ${zone}`)}</p>`;
  }

  private renderWeek(schedule: Schedule): TemplateResult {
    const now = this.instant;
    const days = schedule.week(now);
    // The day after the last one too, so a range from the seventh day past midnight shows whole.
    const following = schedule.week(days[days.length - 1]!.end)[0];
    const rows = displayIntervals(following ? [...days, following] : days);
    return html`<table part="week">
      <caption>
        ${msg('Opening hours for the next 7 days')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Day')}</th>
          <th scope="col">${msg('Hours')}</th>
        </tr>
      </thead>
      <tbody>
        ${days.map((day, i) => {
          const today = i === 0;
          const holiday = day.holiday ? holidayName(day.holiday) : undefined;
          const intervals = rows[i] ?? [];
          return html`<tr aria-current=${ifDefined(today ? 'date' : undefined)}>
            <th scope="row">
              ${formatDayAndDate(day.start + 12 * 60 * MINUTE, this.locale, this.timeZone)}${today ? ` (${msg('today')})` : nothing}
            </th>
            <td>
              ${intervals.length === 0
                ? msg('closed')
                : intervals.map(
                    (interval, j) =>
                      html`${j > 0 ? ', ' : nothing}<span class="range">${this.time(interval.start)}–${this.endTime(interval.end, days[i]!.end)}</span>${interval.status === 'unknown'
                          ? html` (${interval.comment ?? msg('no fixed hours')})`
                          : interval.comment
                            ? ` (${interval.comment})`
                            : nothing}`,
                  )}${holiday ? html` <span class="holiday">(${holiday})</span>` : nothing}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

/**
 * Per day, the intervals as people read them: one that runs past midnight is
 * shown once, on the day it starts, with its real end ("22:00–02:00"), not cut
 * into "22:00–24:00" and "00:00–02:00".
 */
export function displayIntervals(days: readonly DaySummary[]): OpenInterval[][] {
  const out = days.map((day) => [...day.intervals]);
  for (let i = 0; i < out.length; i++) {
    const today = out[i]!;
    const day = days[i]!;
    const last = today[today.length - 1];
    const tomorrow = out[i + 1];
    if (!last || !tomorrow || last.end !== day.end) continue;
    const continued = tomorrow[0];
    if (continued && continued.start === days[i + 1]!.start && continued.status === last.status) {
      today[today.length - 1] = { ...last, end: continued.end };
      tomorrow.shift();
    }
  }
  return out;
}
