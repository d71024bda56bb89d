import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import {
  WegweiserElement,
  clock,
  fetchJson,
  isolate,
  parseInstant,
  inlineJsonScript,
  readInlineJson,
  registerMessages,
} from '@wegweiser/core';
import { safeUrl, urlRules } from '@wegweiser/core/safe-url';
import { Announcer } from '@wegweiser/core/announcer';
import { channels, formatProblem, textIn, topics, type Centre, type CheckedDirectory, type ReachChannel, type Topic } from './model.js';
import { DirectoryIndex, offers, type Hit, type Origin, type Query, type ScheduleFactory } from './search.js';
import type { Place, Places } from './places.js';
import { fold } from './text.js';
import { finderStyles } from './service-finder.styles.js';
import { RADII, DEFAULT_RADIUS, FLAGS, isOfferedRadius, type Flag } from './search-choices.js';
import { channelLabels, flagLabels, formatKm, formatters, topicLabels, topicWords } from './finder-labels.js';
import { resultStatus } from './result-status.js';
import { addressWithSearch, searchFromAddress } from './url-state.js';
import { locateVisitor } from './geolocation.js';
import { catalogue } from './generated/catalogue.js';

registerMessages('@wegweiser/service-finder', catalogue);

const PAGE = 20;
/** Quiet time before the result count is announced, so typing is not talked over. */
const ANNOUNCE_DELAY = 900;

/** State that changes what is shown, never the results. */
const DISPLAY_ONLY = new Set(['shown', 'geoState', 'loadState', 'writing', 'panelFailed']);

interface Located extends Origin {
  label: string;
}

/** The directory check and the hours engine ("open now"): loaded with the data, in parallel. */
let engineLoading: Promise<typeof import('./checking.js')> | undefined;
const loadEngine = () => (engineLoading ??= import('./checking.js'));

/** The contact panel with <ww-contact-form>'s code, loaded the first time someone opens a form in a result. */
let panelLoading: Promise<typeof import('./anonymous-contact.js')> | undefined;
let panel: typeof import('./anonymous-contact.js') | undefined;

/** The postcode/place table, loaded once per page and only when a search needs it. */
let placesLoading: Promise<Places | null> | undefined;
function loadPlaces(): Promise<Places | null> {
  placesLoading ??= Promise.all([import('./generated/places.js'), import('./places.js')]).then(([{ table }, { Places }]) => (table ? new Places(table) : null));
  return placesLoading;
}

/**
 * @summary Finds the counselling centre that fits, near a postcode or place,
 * by topic, language, anonymity, cost, access and opening hours; offline, with
 * no request to anyone but the site.
 *
 * @slot - The site's own list of centres (plain HTML): shown before JavaScript
 *   runs and whenever the directory cannot be loaded.
 * @slot help - Nationwide help numbers the site chooses, shown under every result list
 *   and pointed to when nothing matches.
 *
 * @csspart form - The search form.
 * @csspart status - The sentence that says how many centres were found.
 * @csspart results - The list of centres.
 * @csspart result - One centre.
 *
 * @fires ww-error - When the directory cannot be loaded or has invalid entries
 *   (`service-finder/load-failed`, `service-finder/invalid-directory`,
 *   `service-finder/invalid-entries`, also for an anonymous-contact channel left out),
 *   when the contact form's code cannot be loaded (`service-finder/contact-form-unavailable`),
 *   or an attribute is invalid.
 *
 * @status experimental
 * @since 0.2.0
 */
export class ServiceFinder extends WegweiserElement {
  static override styles = [...WegweiserElement.styles, finderStyles];

  /** URL of the directory JSON (same origin, or a server the site chose). */
  @property() src: string | null = null;

  /** The directory as an object; wins over `src` and inline JSON. */
  @property({ attribute: false }) data: unknown = undefined;

  /** Keep the search in the page's URL, so it can be shared and the back button works. Off by default: the URL lands in the browser history. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  /** Show which directory entries were skipped and why (for the site's editors). */
  @property({ type: Boolean, reflect: true }) debug = false;

  /** The radius chosen at first, in km; 0 for any distance. */
  @property({ type: Number }) radius = 25;

  /** Heading level of each centre's name (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Freeze the time for "open now" (ISO 8601 with offset); for previews and tests. */
  @property() now: string | null = null;

  /**
   * Where "Write anonymously (encrypted)" leads, for centres with an anonymous-contact
   * channel: `inline` (default) opens the centre's `<ww-contact-form>` inside the result;
   * `page` goes to the centre's own contact page where the directory gives one (else inline).
   */
  @property({ attribute: 'anonymous-contact' }) anonymousContact: 'inline' | 'page' = 'inline';

  @state() private directory: CheckedDirectory | undefined;
  @state() private loadState: 'loading' | 'ready' | 'failed' = 'loading';
  // What the person asks for. Not private: the element is the SearchInAddress that url-state.ts
  // reads from and writes into the address (@internal keeps them out of the manifest).
  /** @internal */
  @state() text = '';
  /** @internal */
  @state() km = 25;
  /** @internal */
  @state() chosenTopics: Topic[] = [];
  /** @internal */
  @state() language = '';
  /** @internal */
  @state() chosenChannels: ReachChannel[] = [];
  /** @internal */
  @state() flags = new Set<Flag>();
  @state() private geo: Located | undefined;
  @state() private geoState: 'idle' | 'locating' | 'failed' = 'idle';
  @state() private places: Places | null | undefined;
  @state() private shown = PAGE;
  /** The centres (by id) whose contact form is open in their result. */
  @state() private writing: ReadonlySet<string> = new Set();
  @state() private panelFailed = false;

  private index: DirectoryIndex | undefined;
  private languageOptions: { directory: CheckedDirectory | undefined; key: string; names: [string, string][] } | undefined;
  private makeSchedule: ScheduleFactory | undefined;
  private indexLocale = '';
  private hits: Hit[] = [];
  private origin: Located | undefined;
  private suggestions: Place[] = [];
  private postcodeUnknown = false;
  /** The result sentence for screen readers, said once typing stops (the visible status changes at once). */
  private readonly announcer = new Announcer(this, ANNOUNCE_DELAY);
  /** The sentence last handed to the announcer: a re-render that finds the same says nothing again. */
  private lastAnnounced = '';
  private loadToken = 0;
  private focusIndex: number | undefined;
  private readonly onPopState = () => this.readUrl();
  /** Where each open form's button was on the screen when it was pressed (closeWriting). */
  private readonly buttonOffsets = new Map<string, number>();

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.urlState) {
      // Taking over the server's render: that render first, the query in the address after.
      if (this.hydrating) void this.updateComplete.then(() => this.readUrl());
      else this.readUrl();
      window.addEventListener('popstate', this.onPopState);
    }
  }

  /** Directory data in the page (property or inline JSON) is read before the first render; a `src` is fetched after. */
  protected override whenContentReady(): Promise<void> | undefined {
    return this.data !== undefined || inlineJsonScript(this) ? this.load() : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('radius')) {
      const valid = isOfferedRadius(this.radius);
      if (!valid) this.reportError('service-finder/invalid-radius', `radius="${this.radius}" is not one of 0, ${RADII.join(', ')}; using ${DEFAULT_RADIUS}.`);
      if (!this.urlStateApplied) this.km = valid ? this.radius : DEFAULT_RADIUS;
    }
    if (changed.has('headingLevel') && !(this.headingLevel >= 2 && this.headingLevel <= 6)) {
      this.reportError('service-finder/invalid-heading-level', `heading-level="${this.headingLevel}" must be 2 to 6; using 3.`);
      this.headingLevel = 3;
    }
    if (changed.has('anonymousContact') && this.anonymousContact !== 'inline' && this.anonymousContact !== 'page') {
      this.reportError('service-finder/invalid-anonymous-contact', `anonymous-contact="${String(this.anonymousContact)}" must be inline or page; using inline.`);
      this.anonymousContact = 'inline';
    }
    if (changed.has('now') && this.now !== null && parseInstant(this.now) === undefined) {
      this.reportError('service-finder/invalid-now', `now="${this.now}" is not an ISO 8601 instant with an offset; using the real time.`);
    }
    if (changed.has('src') || changed.has('data')) void this.load();
    if (this.directory && (!this.index || this.indexLocale !== this.locale || changed.has('directory' as keyof ServiceFinder))) {
      this.index = new DirectoryIndex(this.directory.centres, topicWords(this.locale), this.makeSchedule);
      this.indexLocale = this.locale;
    }
    // The announcement, "show more" and the load state do not re-run the search.
    if ([...changed.keys()].some((key) => !DISPLAY_ONLY.has(key as string))) this.search();
  }

  private urlStateApplied = false;

  /** Reads the directory: the property, else inline JSON, else `src`. */
  private async load(): Promise<void> {
    const token = ++this.loadToken;
    let checked: CheckedDirectory;
    let engine: Awaited<ReturnType<typeof loadEngine>>;
    // Everything from reading the property to checking the entries can throw
    // (a getter, a rejecting promise, a proxy): each ends in the calm failure state.
    try {
      let value: unknown = this.data;
      if (value === undefined) value = readInlineJson(this);
      if (value === undefined && this.src) {
        this.loadState = 'loading';
        value = fetchJson(new URL(this.src, document.baseURI));
      }
      [value, engine] = await Promise.all([value, loadEngine()]);
      if (token !== this.loadToken) return;
      if (value === undefined) {
        this.loadState = 'failed';
        this.reportError('service-finder/no-directory', 'No directory given: set `src`, the `data` property, or put a <script type="application/json"> inside the element.');
        return;
      }
      checked = await engine.checkDirectoryAndKeys(value);
      if (token !== this.loadToken) return;
    } catch (error) {
      if (token !== this.loadToken) return;
      this.loadState = 'failed';
      this.reportError('service-finder/load-failed', `The directory could not be loaded: ${(error as Error)?.message ?? String(error)}`, error);
      return;
    }
    this.makeSchedule = engine.makeSchedule;
    const errors = checked.problems.filter((p) => p.severity === 'error');
    if (checked.centres.length === 0 && errors.length) {
      this.reportError('service-finder/invalid-directory', `The directory has no usable entry:\n${checked.problems.map(formatProblem).join('\n')}`, checked.problems);
    } else if (checked.problems.length) {
      this.reportError(
        'service-finder/invalid-entries',
        `${checked.skipped} of ${checked.skipped + checked.centres.length} directory entries were skipped; ${checked.problems.length} problem(s):\n${checked.problems.map(formatProblem).join('\n')}`,
        checked.problems,
      );
    }
    this.directory = checked;
    this.index = undefined;
    this.loadState = 'ready';
    // The hours badges are another package's element; their code comes when there is something to show.
    if (checked.centres.some((c) => c.hours)) void import('@wegweiser/hours/define');
  }

  /** Works out the origin from the text and runs the query. */
  private search(): void {
    const text = this.text.trim();
    this.origin = undefined;
    this.suggestions = [];
    this.postcodeUnknown = false;
    let textFilter = text;
    const needsPlaces = /^\d{5}$/.test(text) || /\p{L}{3}/u.test(text);
    if (needsPlaces && this.places === undefined) {
      void loadPlaces()
        .catch((error: unknown) => {
          this.reportError('service-finder/places-unavailable', 'The postcode table could not be loaded; place search covers the centres\u2019 own cities only.', error);
          return null;
        })
        .then((places) => (this.places = places));
    }
    if (/^\d{5}$/.test(text)) {
      const place = this.places?.postcode(text);
      if (place) {
        this.origin = { ...place, label: text };
        textFilter = '';
      } else if (this.places !== undefined) this.postcodeUnknown = true;
    } else if (text) {
      const matches = this.places?.search(text, 6) ?? [];
      const exact = this.placeNamed(text, matches[0]);
      if (exact) {
        this.origin = exact;
        textFilter = '';
      }
      this.suggestions = matches.filter((p) => fold(p.label) !== fold(text)).slice(0, 5);
    }
    this.origin ??= this.geo;
    if (!this.index) {
      this.hits = [];
      return;
    }
    const query: Query = {
      text: textFilter,
      ...(this.origin ? { origin: this.origin } : {}),
      ...(this.origin && this.km > 0 ? { radiusKm: this.km } : {}),
      topics: this.chosenTopics,
      languages: this.language ? [this.language] : [],
      channels: this.chosenChannels,
      anonymous: this.flags.has('anonymous'),
      free: this.flags.has('free'),
      stepFree: this.flags.has('stepFree'),
      openNow: this.flags.has('openNow'),
      responsible: this.flags.has('responsible'),
      now: parseInstant(this.now) ?? clock().now(),
    };
    this.hits = this.index.query(query);
  }

  /** A place with exactly this name: the table's best match, else a city of the listed centres. */
  private placeNamed(text: string, fromTable: Place | undefined): Located | undefined {
    const folded = fold(text);
    if (fromTable && fold(fromTable.label) === folded) return { ...fromTable };
    const inCity = this.directory?.centres.filter((c) => c.location && fold(c.address.city) === folded) ?? [];
    if (!inCity.length) return undefined;
    const lat = inCity.reduce((s, c) => s + c.location!.lat, 0) / inCity.length;
    const lon = inCity.reduce((s, c) => s + c.location!.lon, 0) / inCity.length;
    return { label: inCity[0]!.address.city, lat, lon };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.scheduleAnnouncement();
    if (this.focusIndex !== undefined) {
      this.renderRoot.querySelector<HTMLElement>(`ol.results > li:nth-child(${this.focusIndex + 1})`)?.focus();
      this.focusIndex = undefined;
    }
  }

  private scheduleAnnouncement(): void {
    if (this.loadState !== 'ready') return;
    const sentence = this.statusText();
    if (sentence === this.lastAnnounced) return;
    this.lastAnnounced = sentence;
    this.announcer.sayAfterPause(() => sentence);
  }

  // ---- URL state -------------------------------------------------------------

  private readUrl(): void {
    Object.assign(this, searchFromAddress(location.search, this.radius));
    this.shown = PAGE;
    this.urlStateApplied = true;
  }

  private writeUrl(push: boolean): void {
    if (!this.urlState) return;
    const href = addressWithSearch(location.href, this);
    if (href === location.href) return;
    if (push) history.pushState(history.state, '', href);
    else history.replaceState(history.state, '', href);
  }

  // ---- Events ----------------------------------------------------------------

  private onInput(e: Event): void {
    this.text = (e.target as HTMLInputElement).value;
    this.shown = PAGE;
    this.writeUrl(false);
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    this.writeUrl(true);
    // After an explicit search, say the result again even if it has not changed.
    this.lastAnnounced = '';
  }

  private choosePlace(place: Place): void {
    this.text = place.label;
    this.shown = PAGE;
    this.writeUrl(true);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus());
  }

  /**
   * Changes what the person asks for (radius, topics, channels, language), then
   * puts it into the address when the site keeps the search there (url-state).
   * A new radius starts the list at its first page again.
   */
  private changeSearch(changes: { km?: number; topics?: Topic[]; channels?: ReachChannel[]; language?: string }): void {
    if (changes.km !== undefined) {
      this.km = changes.km;
      this.shown = PAGE;
    }
    if (changes.topics !== undefined) this.chosenTopics = changes.topics;
    if (changes.channels !== undefined) this.chosenChannels = changes.channels;
    if (changes.language !== undefined) this.language = changes.language;
    this.writeUrl(true);
  }

  private toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
    return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
  }

  private setFlag(flag: Flag, on: boolean): void {
    const next = new Set(this.flags);
    if (on) next.add(flag);
    else next.delete(flag);
    this.flags = next;
    this.shown = PAGE;
    this.writeUrl(true);
  }

  private nearMe(): void {
    this.geoState = 'locating';
    locateVisitor(
      (position) => {
        this.geoState = 'idle';
        this.geo = { ...position, label: '' };
        this.text = '';
        this.shown = PAGE;
      },
      () => {
        this.geoState = 'failed';
      },
    );
  }

  /**
   * Opens the centre's contact form in its result and moves focus into it, to
   * the message field. Nothing of the search changes (it is display state only).
   */
  private async openWriting(centre: Centre): Promise<void> {
    this.writing = new Set([...this.writing, centre.id]);
    const button = this.renderRoot.querySelector<HTMLElement>(`#write-${centre.id}`);
    if (button) this.buttonOffsets.set(centre.id, button.getBoundingClientRect().top);
    try {
      panel ??= await (panelLoading ??= import('./anonymous-contact.js'));
      this.panelFailed = false;
      // The module is no reactive state: render the panel it brings.
      this.requestUpdate();
    } catch (error) {
      panelLoading = undefined;
      this.panelFailed = true;
      this.reportError('service-finder/contact-form-unavailable', 'The contact form\u2019s code could not be loaded: check that every file of the build was copied to the server.', error);
    }
    await this.updateComplete;
    if (panel && !this.panelFailed) await panel.focusPanel(this.renderRoot, centre.id);
    else this.renderRoot.querySelector<HTMLElement>(`#write-panel-${centre.id}`)?.focus();
  }

  /**
   * Closes the form (what was typed goes with it: nothing is kept) and takes
   * focus back to its button, where it was on the screen when the form opened:
   * focus in the form scrolled the page, and the list should not seem to jump.
   */
  private async closeWriting(centreId: string): Promise<void> {
    this.writing = new Set([...this.writing].filter((id) => id !== centreId));
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLElement>(`#write-${centreId}`);
    const offset = this.buttonOffsets.get(centreId);
    this.buttonOffsets.delete(centreId);
    button?.focus({ preventScroll: true });
    if (button && offset !== undefined) window.scrollBy(0, button.getBoundingClientRect().top - offset);
  }

  private showMore(): void {
    this.focusIndex = this.shown;
    this.shown += PAGE;
  }

  // ---- Rendering -------------------------------------------------------------

  protected override render(): TemplateResult {
    const ready = this.loadState === 'ready' && this.directory && this.directory.centres.length > 0;
    return html`<div lang=${this.locale} dir=${this.localeDir}>
      ${this.renderForm()}
      ${this.loadState === 'loading' ? html`<p class="loading" role="status">${msg('Loading the list of centres…')}</p>` : nothing}
      ${this.loadState === 'failed' || (this.loadState === 'ready' && !ready) ? this.renderLoadFailure() : nothing}
      ${ready ? this.renderResults() : html`<div class="fallback"><slot></slot></div>`}
      <p class="hidden" role="status" aria-live="polite">${this.announcer.text}</p>
      <section class="help" aria-labelledby="help-heading">
        <h2 id="help-heading">${msg('Help at any time, nationwide')}</h2>
        <slot name="help"></slot>
      </section>
    </div>`;
  }

  private renderLoadFailure(): TemplateResult {
    return html`<div class="note" role="alert">
      <p>${msg('The list of centres cannot be shown at the moment. Please try again in a moment, or use the numbers below.')}</p>
      ${this.src ? html`<button type="button" @click=${() => void this.load()}>${msg('Try again')}</button>` : nothing}
      ${this.debug ? this.renderProblems() : nothing}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const activeFilters = this.chosenTopics.length + this.chosenChannels.length + this.flags.size + (this.language ? 1 : 0);
    const labels = topicLabels();
    const channelNames = channelLabels();
    const languageNames = this.spokenLanguages();
    return html`<form part="form" role="search" aria-label=${msg('Find a counselling centre')} @submit=${this.onSubmit}>
      <div class="row">
        <div class="grow">
          <label for="q">${msg('Postcode, place or name')}</label>
          <p class="hint" id="q-hint">${msg('For example 55116 or Mainz. What you type stays on this page.')}</p>
          <input id="q" type="search" name="q" autocomplete="off" spellcheck="false" .enterKeyHint=${'search'} aria-describedby="q-hint" .value=${this.text} @input=${this.onInput} />
        </div>
        <button class="primary" type="submit">${msg('Search')}</button>
        <button type="button" @click=${this.nearMe} aria-describedby="geo-note">${msg('Near me')}</button>
      </div>
      <p class="hint" id="geo-note">${msg('“Near me” asks your browser for your location; it is used only on this page and never stored.')}</p>
      ${this.geoState === 'locating' ? html`<p role="status">${msg('Finding your location…')}</p>` : nothing}
      ${this.geoState === 'failed' ? html`<p role="alert">${msg('Your location could not be found. You can type a postcode or place instead.')}</p>` : nothing}
      ${this.suggestions.length
        ? html`<div class="places" role="group" aria-labelledby="places-label">
            <span id="places-label">${msg('Places:')}</span>
            ${this.suggestions.map((p) => html`<button type="button" class="link" @click=${() => this.choosePlace(p)}>${p.label}${p.postcode ? ` (${p.postcode})` : ''}</button>`)}
          </div>`
        : nothing}
      <div class="grow">
        <label for="km">${msg('Distance')}</label>
        <select id="km" .value=${String(this.km)} @change=${(e: Event) => this.changeSearch({ km: Number((e.target as HTMLSelectElement).value) })}>
          ${RADII.map((r) => {
            const distance = formatKm(this.locale, r);
            return html`<option value=${r} ?selected=${this.km === r}>${msg(str`within ${distance}`)}</option>`;
          })}
          <option value="0" ?selected=${this.km === 0}>${msg('any distance')}</option>
        </select>
      </div>
      <details class="filters" ?open=${activeFilters > 0}>
        <summary>${activeFilters ? msg(str`Filters (${activeFilters} chosen)`) : msg('Filters')}</summary>
        <fieldset>
          <legend>${msg('Topic')}</legend>
          <div class="choices">
            ${topics.map(
              (t) =>
                html`<label><input type="checkbox" .checked=${this.chosenTopics.includes(t)} @change=${(e: Event) => this.changeSearch({ topics: this.toggle(this.chosenTopics, t, (e.target as HTMLInputElement).checked) })} />${labels[t]}</label>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${msg('What matters to you')}</legend>
          <div class="choices">
            ${FLAGS.map(
              (f) => html`<label><input type="checkbox" .checked=${this.flags.has(f)} @change=${(e: Event) => this.setFlag(f, (e.target as HTMLInputElement).checked)} />${flagLabels()[f]}</label>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${msg('How to reach them')}</legend>
          <div class="choices">
            ${(['walk-in', 'phone', 'chat', 'email', 'anonymous-message'] as const).map(
              (c) =>
                html`<label><input type="checkbox" .checked=${this.chosenChannels.includes(c)} @change=${(e: Event) => this.changeSearch({ channels: this.toggle(this.chosenChannels, c, (e.target as HTMLInputElement).checked) })} />${c === 'anonymous-message' ? msg('Anonymous message (encrypted)') : channelNames[c]}</label>`,
            )}
          </div>
        </fieldset>
        <div class="grow">
          <label for="lang">${msg('Counselling in')}</label>
          <select id="lang" .value=${this.language} @change=${(e: Event) => this.changeSearch({ language: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.language}>${msg('any language')}</option>
            ${languageNames.map(([tag, name]) => html`<option value=${tag} ?selected=${this.language === tag}>${name}</option>`)}
          </select>
        </div>
      </details>
    </form>`;
  }

  /** The languages the listed centres speak, named in the reader's language, sorted by name. */
  private spokenLanguages(): [string, string][] {
    const key = this.locale;
    const cached = this.languageOptions;
    if (cached && cached.directory === this.directory && cached.key === key) return cached.names;
    const tags = new Set((this.directory?.centres ?? []).flatMap((c) => (c.languages ?? []).map((l) => l.toLowerCase().split('-')[0]!)));
    const names = formatters(this.locale).languages;
    const sorted = [...tags].map((t): [string, string] => [t, names.of(t) ?? t]).sort((a, b) => a[1].localeCompare(b[1], this.locale));
    this.languageOptions = { directory: this.directory, key, names: sorted };
    return sorted;
  }

  private statusText(): string {
    return this.localize(() => resultStatus(this.locale, this.hits.length, this.km, this.origin?.label, this.origin === this.geo));
  }

  private renderResults(): TemplateResult {
    const dir = this.directory!;
    const visible = this.hits.slice(0, this.shown);
    const postcode = this.text.trim();
    const more = Math.min(PAGE, this.hits.length - this.shown);
    const total = this.hits.length;
    const shownCount = visible.length;
    return html`
      ${dir.fictional ? html`<p class="fictional">${msg('Example data: these centres are fictional.')}</p>` : nothing}
      ${this.debug && dir.problems.length ? this.renderProblems() : nothing}
      ${this.postcodeUnknown ? html`<p class="note">${msg(str`The postcode ${postcode} is not in our table. Showing centres whose details contain it.`)}</p>` : nothing}
      ${this.places === null && /\p{L}{3}/u.test(this.text) && !this.origin
        ? html`<p class="hint">${msg('Place search here covers only the cities of the listed centres.')}</p>`
        : nothing}
      <p class="status" part="status" id="status">${this.statusText()}</p>
      ${this.hits.length === 0
        ? this.renderEmpty()
        : html`<ol class="results" part="results" aria-labelledby="status">
            ${visible.map(
              // Keyed by centre: unkeyed, a place in the list would keep its card, and the
              // hours badges in it (status regions), for another centre as the order
              // changes, and screen readers then read those badges out over the typing.
              // (keyed, not repeat: a few bytes, and a new card is as good as a moved one.)
              (hit) => keyed(hit.centre.id, this.renderHit(hit)),
            )}
          </ol>`}
      ${this.hits.length > this.shown
        ? html`<p class="more">
            <button type="button" @click=${this.showMore}>${msg(str`Show ${more} more`)}</button>
            <span class="meta">${msg(str`${shownCount} of ${total} shown`)}</span>
          </p>`
        : nothing}
      ${this.origin && this.places && this.origin.postcode !== undefined ? html`<p class="credit">${msg('Postcode data: GeoNames (CC BY 4.0)')}</p>` : nothing}
    `;
  }

  private renderProblems(): TemplateResult {
    const problems = this.directory?.problems ?? [];
    const skipped = this.directory?.skipped ?? 0;
    const problemCount = problems.length;
    return html`<div class="note" role="note">
      <p>${msg(str`Debug: ${skipped} entries were skipped; ${problemCount} problems.`)}</p>
      <ul class="problems" lang="en" dir="ltr">
        ${problems.slice(0, 200).map((p) => html`<li>${formatProblem(p)}</li>`)}
      </ul>
    </div>`;
  }

  /** Nothing matches: say what to relax, as buttons that do it. */
  private renderEmpty(): TemplateResult {
    const wider = RADII.find((r) => r > this.km);
    const distance = wider ? formatKm(this.locale, wider) : '';
    const flagNames = flagLabels();
    const relax: TemplateResult[] = [];
    if (this.origin && this.km > 0) {
      relax.push(
        wider
          ? html`<button type="button" @click=${() => this.changeSearch({ km: wider })}>${msg(str`Search within ${distance}`)}</button>`
          : html`<button type="button" @click=${() => this.changeSearch({ km: 0 })}>${msg('Search at any distance')}</button>`,
      );
    }
    for (const flag of this.flags) {
      const filter = flagNames[flag];
      relax.push(html`<button type="button" @click=${() => this.setFlag(flag, false)}>${msg(str`Without “${filter}”`)}</button>`);
    }
    if (this.chosenTopics.length || this.chosenChannels.length || this.language) {
      relax.push(
        html`<button type="button" @click=${() => this.changeSearch({ topics: [], channels: [], language: '' })}>
          ${msg('Clear topic, language and channel')}
        </button>`,
      );
    }
    return html`<div class="empty">
      <p>${msg('No centre matches everything you chose. Nationwide help is listed below.')}</p>
      ${relax.length ? html`<div class="row" role="group" aria-label=${msg('Widen the search')}>${relax}</div>` : nothing}
    </div>`;
  }

  private renderHit(hit: Hit): TemplateResult {
    const c = hit.centre;
    const labels = topicLabels();
    const channelNames = channelLabels();
    const f = formatters(this.locale);
    const languages = (c.languages ?? []).map((l) => f.languages.of(l) ?? l);
    const list = (items: string[]) => f.list.format(items);
    const description = textIn(c.description, this.locale);
    const note = textIn(c.address.note, this.locale);
    const messenger = textIn(c.contacts?.messenger, this.locale);
    // role=heading keeps the level configurable without a template per level.
    const heading = html`<div class="name" role="heading" aria-level=${this.headingLevel}>
      ${c.name}${c.fictional ? html` <span class="meta">${msg('(fictional)')}</span>` : nothing}
    </div>`;
    const facts = [c.anonymous ? msg('anonymous') : '', c.free ? msg('free of charge') : '', c.accessibility?.stepFree ? msg('step-free access') : ''].filter(Boolean);
    const checked = f.date.format(new Date(`${c.lastChecked}T00:00:00Z`));
    const hours = channels.filter((ch) => c.hours?.[ch]);
    const { name } = c;
    // Isolated, so a phone number keeps its order in right-to-left text.
    const phone = isolate(c.contacts?.phone ?? '');
    const email = isolate(c.contacts?.email ?? '');
    // Checked with the directory already; rendered only through core's safe-URL rule all the same.
    const chat = safeUrl(c.contacts?.chat, urlRules.securePage);
    const website = safeUrl(c.contacts?.website, urlRules.webPage);
    const distance = hit.distanceKm === undefined ? '' : formatKm(this.locale, hit.distanceKm);
    // Checked with the directory (key and relay); the relay through core's rule all the same.
    const anonymous = c.contacts?.anonymous;
    const relay = safeUrl(anonymous?.relay, urlRules.webAddress);
    const writable = Boolean(anonymous && relay);
    const contactPage = this.anonymousContact === 'page' ? safeUrl(anonymous?.page, urlRules.webPage) : null;
    const writingOpen = writable && !contactPage && this.writing.has(c.id);
    return html`<li part="result" class="result" tabindex="-1">
      ${heading}
      ${c.organisation ? html`<p class="meta">${c.organisation}</p>` : nothing}
      <p>
        ${hit.distanceKm !== undefined ? html`<strong>${msg(str`${distance} away`)}</strong> · ` : nothing}
        ${c.address.street ? `${c.address.street}, ` : ''}${c.address.postcode ? `${c.address.postcode} ` : ''}${c.address.city}
        ${c.address.street ? nothing : html`<span class="meta">(${msg('only the city is published')})</span>`}
      </p>
      ${note ? html`<p class="meta" lang=${note.lang}>${note.text}</p>` : nothing}
      ${description ? html`<p lang=${description.lang}>${description.text}</p>` : nothing}
      <dl>
        ${facts.length ? html`<dt>${msg('Offer')}</dt><dd>${list(facts)}</dd>` : nothing}
        <dt>${msg('Topics')}</dt>
        <dd>${list(c.topics.map((t) => labels[t]))}</dd>
        ${languages.length ? html`<dt>${msg('Languages')}</dt><dd>${list(languages)}</dd>` : nothing}
        ${hours.length || writable
          ? html`<dt>${msg('Hours')}</dt>
              <dd class="badges">
                ${hours.map(
                  (ch) => html`<ww-hours-badge hours=${c.hours![ch]!} region=${c.land} channel=${ch} .now=${this.now}>${channelNames[ch]}: ${c.hours![ch]}</ww-hours-badge>`,
                )}
                ${writable ? html`<span>${msg('Write: always possible')}</span>` : nothing}
              </dd>`
          : nothing}
      </dl>
      <ul class="contacts" aria-label=${msg(str`Contact ${name}`)}>
        ${c.contacts?.phone ? html`<li><a href=${`tel:${c.contacts.phone.replace(/[^\d+]/g, '')}`}>${msg(str`Call ${phone}`)}</a></li>` : nothing}
        ${c.contacts?.email ? html`<li><a href=${`mailto:${c.contacts.email}`}>${msg(str`E-mail ${email}`)}</a></li>` : nothing}
        ${chat ? html`<li><a href=${chat} rel="noopener noreferrer" target="_blank">${msg('Chat (opens a new tab)')}</a></li>` : nothing}
        ${website ? html`<li><a href=${website} rel="noopener noreferrer">${msg('Website')}</a></li>` : nothing}
        ${writable ? html`<li>${contactPage ? html`<a href=${contactPage} rel="noopener noreferrer">${msg('Write anonymously (encrypted)')}</a>` : this.renderWriteButton(c, writingOpen)}</li>` : nothing}
      </ul>
      ${writingOpen ? this.renderWriting(c, relay!) : nothing}
      ${messenger ? html`<p class="meta" lang=${messenger.lang}>${messenger.text}</p>` : nothing}
      ${!offers(c, 'phone') && !offers(c, 'email') && !offers(c, 'chat') && !website && !writable ? html`<p class="meta">${msg('No contact published.')}</p>` : nothing}
      <p class="meta">${msg(str`Last checked: ${checked}`)}</p>
    </li>`;
  }
  private renderWriteButton(centre: Centre, open: boolean): TemplateResult {
    return html`<button
      type="button"
      id="write-${centre.id}"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `write-panel-${centre.id}` : nothing}
      @click=${() => void (open ? this.closeWriting(centre.id) : this.openWriting(centre))}
    >
      ${msg('Write anonymously (encrypted)')}
    </button>`;
  }

  /** The centre's contact form inside its result, once its code is here; until then what is happening. */
  private renderWriting(centre: Centre, relay: string): TemplateResult {
    if (panel && !this.panelFailed) return panel.renderPanel({ centre, relay, headingLevel: this.headingLevel, close: () => void this.closeWriting(centre.id) });
    return this.panelFailed
      ? html`<p class="note" role="alert" tabindex="-1" id="write-panel-${centre.id}">${msg('The form cannot be loaded at the moment. Please use one of the other ways to reach the centre.')}</p>`
      : html`<p role="status" id="write-panel-${centre.id}">${msg('Loading the form…')}</p>`;
  }
}
