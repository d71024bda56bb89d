import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import {
  WegweiserElement,
  availableLocales,
  fetchJson,
  inheritedLang,
  loadMessages,
  matchLocale,
  messagesReady,
  onLangChange,
  readInlineJson,
  registerMessages,
  textDirection,
  withLocale,
} from '@wegweiser/core';
import {
  chooseVersion,
  languageName,
  variantName,
  versionKey,
  versionsFromChildren,
  type CardContent,
  type CardVersion,
  type ContentProblem,
} from './content.js';
import { loadPictogram, pictogramSvg, registrations } from './pictogram.js';
import { speechEngine, voiceFor } from './speech.js';
import { catalogue } from './generated/catalogue.js';
import { pictogramCardStyles } from './pictogram-card.styles.js';

registerMessages('@wegweiser/pictogram-card', catalogue);

/** The JSON helpers, loaded with the first card that has JSON content (shared by all cards). */
let jsonTools: typeof import('./json-content.js') | undefined;

/** What `ww-language-change` carries: the version the reader switched to. */
export interface LanguageChangeDetail {
  lang: string;
  variant?: string | undefined;
}

/**
 * @summary A pictogram, a title and a short text in the reader's language:
 * a compact switcher names every language in itself, a Leichte Sprache
 * version is marked as such, and the text can be read aloud on the device.
 *
 * @slot - The card's text, one child element per language, each with `lang`
 *   (and `data-variant="leichte-sprache"` or `"einfache-sprache"` for a
 *   simplified German version, `data-draft` for an unchecked translation).
 *   Inside: a heading (the title), a paragraph (the text), optionally a
 *   `<details>` (the "more" section) and a link (the action). People see all
 *   of it before and without JavaScript. A `<script type="application/json">`
 *   child can give the same as JSON.
 *
 * @csspart card - The card's box.
 * @csspart languages - The language switcher (shown for two or more versions).
 * @csspart pictogram - The pictogram's box.
 * @csspart title - The title.
 * @csspart variant - The "Leichte Sprache" / "Einfache Sprache" marker.
 * @csspart text - The short text.
 * @csspart more-button - The button that shows the "more" section.
 * @csspart more - The "more" section.
 * @csspart action - The action link.
 * @csspart read-aloud - The "Read aloud" button (only where an on-device voice for the language exists).
 * @csspart notice - Notes on a missing translation or a draft.
 *
 * @cssproperty --ww-pictogram-card-pictogram-color - The pictogram's colour; defaults to `--ww-color-accent`.
 * @cssproperty --ww-pictogram-card-pictogram-size - The pictogram's size; defaults to 3rem.
 * @cssproperty --ww-pictogram-card-background - The card's background; defaults to `--ww-color-surface-raised`.
 *
 * @fires ww-error - Bad content or a pictogram that does not exist; the card still shows what it can.
 * @fires ww-language-change - The reader switched the card's language; `detail` holds `lang` and `variant`.
 *
 * @status experimental
 * @since 0.1.0
 */
export class PictogramCard extends WegweiserElement {
  static override styles = [...WegweiserElement.styles, pictogramCardStyles];

  /** The pictogram's id: a built-in one (see the catalogue) or one registered with `registerPictogram()`. */
  @property({ reflect: true }) pictogram: string | null = null;

  /** A URL of JSON content (`CardContent`); loaded without cookies or referrer. The child elements show until it has loaded. */
  @property() src: string | null = null;

  /** The title's heading level, 2–6. By default the level of the site's heading, else 3. */
  @property({ attribute: 'heading-level' }) headingLevel: string | null = null;

  /** Overrides the switcher's accessible name ("Language"). */
  @property({ attribute: 'languages-label' }) languagesLabel: string | null = null;

  /** Overrides "Read aloud". */
  @property({ attribute: 'read-aloud-label' }) readAloudLabel: string | null = null;

  /** Overrides "Stop reading". */
  @property({ attribute: 'stop-label' }) stopLabel: string | null = null;

  /** The card's text as an object (the JSON form); wins over `src`, inline JSON and child elements. */
  @property({ attribute: false }) content: CardContent | undefined = undefined;

  @state() private versions: CardVersion[] = [];
  /** The version the reader picked, by `versionKey`. */
  @state() private picked: string | undefined;
  @state() private expanded = false;
  @state() private speaking = false;
  @state() private svg: SVGSVGElement | undefined;
  /** What `src` gave, not yet checked. */
  @state() private loaded: unknown;
  /** Bumped when the JSON helpers have arrived. */
  @state() private jsonReady = 0;
  @state() private announcement: { lang: string; text: string } | undefined;

  /** The JSON content in use, if any. */
  private json: CardContent | undefined;
  /** JSON content is waiting for its helpers and there is nothing else to show yet. */
  private pending = false;
  private childrenChanged = true;
  private observer: MutationObserver | undefined;
  private stopLangListener: (() => void) | undefined;
  private abort: AbortController | undefined;
  private utterance: SpeechSynthesisUtterance | undefined;
  private reported = new Set<string>();
  private readonly refresh = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    // The site (or its CMS) may change the texts after the card upgraded.
    this.observer = new MutationObserver(() => {
      this.childrenChanged = true;
      this.requestUpdate();
    });
    this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    // Core re-renders only when the interface language changes; the content may follow any language.
    this.stopLangListener = onLangChange(this.refresh);
    speechEngine()?.addEventListener?.('voiceschanged', this.refresh);
    registrations.addEventListener('registered', this.pictogramRegistered);
  }

  /** A site's own pictogram registered after this card rendered without it. */
  private readonly pictogramRegistered = () => {
    if (!this.svg) this.showPictogram();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.stopLangListener?.();
    this.abort?.abort();
    speechEngine()?.removeEventListener?.('voiceschanged', this.refresh);
    registrations.removeEventListener('registered', this.pictogramRegistered);
    this.stopSpeaking();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The server fetches nothing: the child elements show until the browser has loaded `src`.
    if (changed.has('src') && !isServer) this.load();
    const pictogram = this.pictogramId();
    if (this.childrenChanged || changed.has('content') || changed.has('loaded') || changed.has('jsonReady')) {
      // The server wrote the texts as plain text; the update after taking over puts the site's markup back.
      this.childrenChanged = this.hydrating;
      this.versions = this.readVersions();
    }
    if (changed.has('pictogram') || pictogram !== this.pictogramId()) this.showPictogram();
    if (changed.has('headingLevel') && this.headingLevel !== null && !/^[2-6]$/.test(this.headingLevel)) {
      this.report('pictogram-card/invalid-heading-level', `heading-level="${this.headingLevel}" must be 2, 3, 4, 5 or 6; the site's heading level (or 3) is used.`);
    }
  }

  /** The attribute, else the JSON content's pictogram. */
  private pictogramId(): string | null {
    return this.pictogram ?? this.json?.pictogram ?? null;
  }

  /** Content in order of precedence: the property, loaded JSON, inline JSON, the child elements. */
  private readVersions(): CardVersion[] {
    this.json = undefined;
    const [raw, where] =
      this.content !== undefined ? [this.content, 'The content property'] : this.loaded !== undefined ? [this.loaded, this.src ?? 'src'] : this.inlineJson();
    const waiting = raw !== undefined && !jsonTools;
    if (waiting) {
      import('./json-content.js').then(
        (tools) => {
          jsonTools = tools;
          this.jsonReady++;
        },
        (error: unknown) => this.report('pictogram-card/json-unavailable', 'The JSON support module could not be loaded; the child elements are shown.', error),
      );
    } else if (raw !== undefined && jsonTools) {
      const problems = jsonTools.contentProblems(raw);
      if (problems) {
        this.report('pictogram-card/invalid-content', `${where} does not match the card's schema (docs/pictograms.md): ${problems}. The child elements are shown instead.`);
      } else {
        this.json = raw as CardContent;
        const { versions, problems } = jsonTools.versionsFromJson(this.json);
        this.reportAll(problems);
        if (versions.length > 0) return versions;
      }
    }
    const { versions, problems } = versionsFromChildren(this);
    this.reportAll(problems);
    this.pending = waiting && versions.length === 0;
    if (versions.length === 0 && !this.pending) {
      this.report('pictogram-card/no-content', 'The card has no version with a title: add a child element with lang and a heading, or JSON content.');
    }
    return versions;
  }

  private inlineJson(): [unknown, string] {
    try {
      return [readInlineJson(this), 'The inline JSON'];
    } catch (error) {
      this.report('pictogram-card/invalid-json', (error as Error).message, error);
      return [undefined, ''];
    }
  }

  private load(): void {
    this.abort?.abort();
    this.loaded = undefined;
    if (!this.src) return;
    const abort = (this.abort = new AbortController());
    const src = this.src;
    fetchJson(new URL(src, document.baseURI), abort.signal).then(
      (value) => {
        if (!abort.signal.aborted) this.loaded = value;
      },
      (error: unknown) => {
        if (!abort.signal.aborted) this.report('pictogram-card/load-failed', `${(error as Error).message}; the child elements are shown instead.`, error);
      },
    );
  }

  private showPictogram(): void {
    const id = this.pictogramId();
    // The drawing needs the DOM: it comes in the browser, after the text.
    if (isServer) return;
    if (id === null) {
      this.svg = undefined;
      return;
    }
    loadPictogram(id).then(
      (definition) => {
        if (this.pictogramId() !== id) return;
        if (!definition) this.report('pictogram-card/unknown-pictogram', `There is no pictogram "${id}"; see the catalogue, or register it with registerPictogram().`);
        this.svg = definition ? pictogramSvg(definition) : undefined;
      },
      (error: unknown) => this.report('pictogram-card/pictogram-unavailable', `The pictogram "${id}" could not be loaded.`, error),
    );
  }

  private report(code: string, message: string, cause?: unknown): void {
    // Re-reading the content after each change must not repeat the same complaint.
    if (this.reported.has(code + message)) return;
    this.reported.add(code + message);
    this.reportError(code, message, cause);
  }

  private reportAll(problems: ContentProblem[]): void {
    for (const problem of problems) this.report(problem.code, problem.message);
  }

  /** The interface speaks the language of the version the reader picked, where it can; else the page's. */
  private interfaceLocale(shown: CardVersion): string {
    if (this.picked === undefined) return this.locale;
    const locale = matchLocale(shown.lang, availableLocales(), '');
    if (!locale) return this.locale;
    if (messagesReady(locale)) return locale;
    void loadMessages(locale).then(this.refresh, () => {});
    return this.locale;
  }

  protected override render(): TemplateResult {
    const versions = this.versions;
    if (versions.length === 0) return this.pending ? html`` : this.renderFailure();
    const choice = chooseVersion(versions, inheritedLang(this), this.picked);
    const shown = versions[choice.index]!;
    const ui = this.interfaceLocale(shown);
    return withLocale(ui, () => this.renderCard(versions, shown, choice.missing, ui));
  }

  private renderCard(versions: CardVersion[], shown: CardVersion, missing: boolean, ui: string): TemplateResult {
    const primary = versions[0]!;
    const level = /^[2-6]$/.test(this.headingLevel ?? '') ? Number(this.headingLevel) : (shown.level ?? 3);
    // A part the shown version lacks comes from the first version, in its own language, and says which.
    const more = shown.more ?? primary.more;
    const moreFrom = shown.more ? shown : primary;
    const action = shown.action ?? primary.action;
    const actionFrom = shown.action ? shown : primary;
    // Voices are the browser's: the render that repeats the server's has none.
    const voice = this.hydrating ? undefined : voiceFor(shown.lang);
    const wanted = inheritedLang(this);
    return html`<div part="card" class="card" lang=${ui} dir=${textDirection(ui)}>
      ${versions.length > 1
        ? html`<div part="languages" class="languages" role="group" aria-label=${this.languagesLabel ?? msg('Language')}>
            ${versions.map(
              (v) =>
                html`<button type="button" lang=${v.lang} dir=${v.dir} aria-pressed=${v === shown ? 'true' : 'false'} @click=${() => this.pick(v)}>
                  ${v.variant ? variantName(v.variant) : languageName(v.lang)}
                </button>`,
            )}
          </div>`
        : nothing}
      ${missing
        ? html`<p part="notice" class="notice">
            ${msg(str`This text is not available in ${languageName(wanted, ui)}. It is shown in ${languageName(shown.lang, ui)}.`)}
          </p>`
        : nothing}
      <div class="content" lang=${shown.lang} dir=${shown.dir}>
        <div class="head">
          <span part="pictogram" class="pictogram">${this.svg ?? nothing}</span>
          <!-- The title and the text are new elements for each version: Firefox keeps the language
               of an element that is already there when only its container's lang changes, and Orca
               then read Romanian as German. -->
          ${keyed(versionKey(shown), html`<div part="title" class="title" role="heading" aria-level=${level}>${shown.title}</div>`)}
        </div>
        ${shown.variant ? html`<p part="variant" class="variant" lang="de">${variantName(shown.variant)}</p>` : nothing}
        ${shown.text ? keyed(versionKey(shown), html`<p part="text">${shown.text}</p>`) : nothing}
        ${more ? this.renderMore(more, moreFrom, moreFrom !== shown, ui) : nothing}
        ${action
          ? html`<a part="action" href=${action.href} lang=${actionFrom.lang} dir=${actionFrom.dir}
              >${action.label}${actionFrom !== shown ? ` (${languageName(actionFrom.lang)})` : nothing}</a
            ><span class="url" dir="ltr">${printable(action.href)}</span>`
          : nothing}
      </div>
      ${shown.draft ? html`<p part="notice" class="notice">${msg('Draft translation: not yet checked by a native speaker.')}</p>` : nothing}
      ${voice
        ? html`<button part="read-aloud" class="speak" type="button" @click=${() => this.toggleSpeech(shown, voice)}>
            ${speakerIcon}${this.speaking ? (this.stopLabel ?? msg('Stop reading')) : (this.readAloudLabel ?? msg('Read aloud'))}
          </button>`
        : nothing}
      <div class="visually-hidden" role="status">
        ${this.announcement ? html`<span lang=${this.announcement.lang}>${this.announcement.text}</span>` : nothing}
      </div>
    </div>`;
  }

  private renderMore(more: Node[] | string[], from: CardVersion, borrowed: boolean, ui: string): TemplateResult {
    const content = more.map((part) => (typeof part === 'string' ? html`<p>${part}</p>` : part));
    return html`<button
        part="more-button"
        class="more-button"
        type="button"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="more"
        @click=${() => (this.expanded = !this.expanded)}
        lang=${from.lang}
        dir=${from.dir}
      >
        ${from.moreLabel ?? html`<span lang=${ui}>${msg('More')}</span>`}${borrowed ? ` (${languageName(from.lang)})` : nothing}
        ${chevronIcon}
      </button>
      <div part="more" class="more" id="more" lang=${from.lang} dir=${from.dir} ?hidden=${!this.expanded}>${content}</div>`;
  }

  private pick(version: CardVersion): void {
    const key = versionKey(version);
    if (key === this.picked) return;
    this.stopSpeaking();
    this.picked = key;
    // Screen readers hear the new title, in its own language.
    this.announcement = { lang: version.lang, text: version.title };
    this.dispatchEvent(
      new CustomEvent<LanguageChangeDetail>('ww-language-change', { detail: { lang: version.lang, variant: version.variant }, bubbles: true, composed: true }),
    );
  }

  private toggleSpeech(shown: CardVersion, voice: SpeechSynthesisVoice): void {
    if (this.speaking) {
      this.stopSpeaking();
      return;
    }
    const synth = speechEngine();
    if (!synth) return;
    const words = [shown.title, textOf(shown.text), this.expanded ? textOf(shown.more) : ''].filter(Boolean).join('\n');
    const utterance = new SpeechSynthesisUtterance(words);
    utterance.lang = shown.lang;
    utterance.voice = voice;
    const done = () => {
      if (this.utterance !== utterance) return;
      this.utterance = undefined;
      this.speaking = false;
    };
    utterance.addEventListener('end', done);
    utterance.addEventListener('error', done);
    // Only one text at a time on the page: another card's reading stops here.
    synth.cancel();
    this.utterance = utterance;
    this.speaking = true;
    synth.speak(utterance);
  }

  private stopSpeaking(): void {
    if (!this.utterance) return;
    this.utterance = undefined;
    this.speaking = false;
    speechEngine()?.cancel();
  }
}

function textOf(value: Node[] | string[] | string | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value
    .map((part) => (typeof part === 'string' ? part : (part.textContent ?? '')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The link's address as it should appear on paper. */
function printable(href: string): string {
  if (/^(mailto|tel):/i.test(href)) return href.replace(/^(mailto|tel):/i, '');
  try {
    return new URL(href, document.baseURI).href.replace(/^https?:\/\//, '').replace(/\/$/, '');
  } catch {
    return href;
  }
}

// Tabler's volume and chevron-down (MIT), inline: two small shapes, not worth a request.
const speakerIcon = html`<svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
  <path d="M15 8a5 5 0 0 1 0 8" />
  <path d="M17.7 5a9 9 0 0 1 0 14" />
  <path d="M6 15h-2a1 1 0 0 1 -1 -1v-4a1 1 0 0 1 1 -1h2l3.5 -4.5a.8 .8 0 0 1 1.5 .5v14a.8 .8 0 0 1 -1.5 .5l-3.5 -4.5" />
</svg>`;
const chevronIcon = html`<svg class="chevron" aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
  <path d="M6 9l6 6l6 -6" />
</svg>`;
