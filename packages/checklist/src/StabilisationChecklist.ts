import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import {
  WegweiserElement,
  JsonLoadError,
  clock,
  fetchJson,
  inlineJsonScript,
  readInlineJson,
  registerMessages,
  textDirection,
  type SchemaProblem,
} from '@wegweiser/core';
import { checkedUrl, urlRules } from '@wegweiser/core/safe-url';
import { NOTE_MAX, itemKey, nextSteps, progress, saveList, statuses, type Entries, type Progress, type SavedList, type Status, type Step } from './checklist-model.js';
import type { ChecklistContact, ChecklistContent, ChecklistItem, ChecklistSection, SiteContent } from './content/types.js';
import { catalogue } from './generated/catalogue.js';
import { stabilisationChecklistStyles } from './stabilisation-checklist.styles.js';

// The validator and the schema: only needed when there is data from outside.
const validation = () => import('./validation.js');

registerMessages('@wegweiser/checklist', catalogue);


export type ChecklistMode = 'person' | 'counsellor';

/** What the privacy panel last said, rendered in the current language. */
type Notice =
  | { kind: 'kept' | 'deleted' | 'stopped' | 'import-failed' | 'storage-failed' }
  | { kind: 'exported'; name: string }
  | { kind: 'imported'; saved: string };

const problemList = (problems: readonly SchemaProblem[]) => problems.map((p) => `${p.path}: ${p.message}`).join('; ');

/**
 * @summary The first steps to a stable life (money, housing, health,
 * residence, then new work) as a checklist a person keeps in their own hands,
 * alone or together with a counsellor. Nothing is stored unless they choose it.
 *
 * @slot - What people see before the list has loaded and without JavaScript
 *   (for example a link to a printable version). A child
 *   `<script type="application/json">` holds the site's own content instead of `src`.
 *
 * @csspart controls - The view, simple-language and print controls.
 * @csspart privacy - The panel that says where the list is kept, with keep, delete, save and open.
 * @csspart overview - Progress overall and per section.
 * @csspart next-steps - The list of what to do next.
 * @csspart section - Each section of steps.
 * @csspart item - Each step.
 *
 * @cssproperty --ww-checklist-progress-color - The filled part of the progress bars; defaults to `--ww-color-accent`.
 *
 * @fires ww-error - When the site's content is malformed, has unknown fields, or cannot be loaded (the built-in set is shown), when `mode` is invalid, or when the kept list in the browser's storage is damaged or cannot be written.
 *
 * @status experimental
 * @since 0.1.0
 */
export class StabilisationChecklist extends WegweiserElement {
  static override styles = [...WegweiserElement.styles, stabilisationChecklistStyles];

  /**
   * The built-in content, one module per language, loaded when a widget needs
   * it: an English page never downloads the German set. A subclass may add or
   * replace sets; a language without one uses German.
   */
  static contentSets: Record<string, () => Promise<{ default: ChecklistContent }>> = {
    de: () => import('./content/de.js'),
    en: () => import('./content/en.js'),
  };

  /** `person` (default): friendly, one section open at a time. `counsellor`: compact, every section open, a note per step. */
  @property({ reflect: true }) mode: string = 'person';

  /** Shows the simpler wording of each step (where the content has one). The person can switch it. */
  @property({ type: Boolean, reflect: true }) simple = false;

  /** URL of the site's own content (JSON, see the schema); a child `<script type="application/json">` or `content` wins over it. */
  @property() src: string | null = null;

  /** The browser-storage key used after the person chooses "Keep on this device". */
  @property({ attribute: 'storage-key' }) storageKey = 'wegweiser-checklist';

  /** The site's own content as an object (same format as the JSON). */
  @property({ attribute: false }) content: SiteContent | undefined;

  @state() private shown: ChecklistContent | undefined;
  /** The language of the built-in set shown: German on a page in a language without its own set. */
  @state() private contentLang = 'de';
  @state() private unavailable = false;
  @state() private siteRejected = false;
  @state() private entries: Entries = {};
  /** Set while the list is kept in the browser's storage: when it was last saved. */
  @state() private savedAt: Date | undefined;
  @state() private expanded = new Set<string>();
  @state() private confirming = false;
  @state() private notice: Notice | undefined;
  /** The step whose status changed last: the live region says its new status and the section's progress. */
  @state() private changed: string | undefined;

  private loads = 0;
  private focusAfterUpdate: string | undefined;

  private restoring: Promise<void> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Taking over the server's render: that render first (it knows no kept list), the kept list after.
    if (this.hydrating) void this.updateComplete.then(() => void this.restore());
    else this.restoring = this.restore();
  }

  /** Content in the page (property, inline JSON or built-in) is read before the first render; a `src` is fetched after. */
  protected override whenContentReady(): Promise<void> | undefined {
    return this.src && this.content === undefined && !inlineJsonScript(this) ? undefined : this.load();
  }

  /** Whether the list is kept in this browser's storage (the person chose so). */
  get kept(): boolean {
    return this.savedAt !== undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale' as keyof StabilisationChecklist) || changed.has('src') || changed.has('content')) void this.load();
    if (changed.has('mode') && this.mode !== 'person' && this.mode !== 'counsellor') {
      this.reportError('checklist/invalid-mode', `mode="${this.mode}" is not "person" or "counsellor".`);
      this.mode = 'person';
    }
  }

  protected override updated(): void {
    if (this.focusAfterUpdate) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate)?.focus();
      this.focusAfterUpdate = undefined;
    }
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    const sets = (this.constructor as typeof StabilisationChecklist).contentSets;
    const language = this.locale.split('-')[0]!;
    let base: ChecklistContent;
    try {
      base = (await (sets[language] ?? sets['de']!)()).default;
      if (load === this.loads) this.contentLang = sets[language] ? language : 'de';
    } catch (error) {
      if (load !== this.loads) return;
      this.unavailable = true;
      this.reportError('checklist/content-unavailable', `The built-in "${language}" content could not be loaded.`, error);
      return;
    }
    let site: unknown;
    let rejected = false;
    try {
      site = this.content ?? readInlineJson(this) ?? (this.src ? await fetchJson(new URL(this.src, document.baseURI)) : undefined);
    } catch (error) {
      rejected = true;
      const parse = error instanceof JsonLoadError && error.kind === 'parse';
      this.reportError(parse ? 'checklist/invalid-content' : 'checklist/content-unavailable', (error as Error).message, error);
    }
    await this.restoring;
    if (load !== this.loads) return;
    let content = base;
    if (site !== undefined) {
      let checked: { content?: ChecklistContent; problems: SchemaProblem[]; unknown: SchemaProblem[] };
      try {
        checked = (await validation()).applySiteContent(base, site);
      } catch (error) {
        // Content given as a property can throw while it is read (a getter, a proxy).
        checked = { unknown: [], problems: [{ path: '$', keyword: 'read', message: String((error as Error)?.message ?? error) }] };
      }
      if (load !== this.loads) return;
      if (checked.unknown.length) this.reportError('checklist/unknown-field', `Unknown fields in the site's content, ignored: ${problemList(checked.unknown)}`, checked.unknown);
      if (checked.content) content = checked.content;
      else {
        rejected = true;
        this.reportError('checklist/invalid-content', `The site's content is not used: ${problemList(checked.problems)}`, checked.problems);
      }
    }
    this.unavailable = false;
    this.siteRejected = rejected;
    if (!this.shown && content.sections[0]) this.expanded = new Set([content.sections[0].id]);
    this.shown = content;
  }

  // ---- Keeping the list on the device (only after the person chose it) ----

  /** Takes up a list kept earlier; the first render waits for it. */
  private async restore(): Promise<void> {
    let text: string | null = null;
    try {
      text = localStorage.getItem(this.storageKey);
    } catch {
      return; // Storage blocked: nothing can have been kept.
    }
    if (text === null) return;
    const { list, problems } = (await validation()).readList(text);
    if (!list) {
      this.reportError('checklist/storage-damaged', `The kept list "${this.storageKey}" is damaged and not used: ${problemList(problems)}`, problems);
      return;
    }
    this.take(list);
    this.savedAt = new Date(list.saved);
  }

  private take(list: SavedList): void {
    this.entries = list.entries;
    if (list.simple) this.simple = true;
    this.changed = undefined;
  }

  /** Writes the list to storage; returns false (and stops keeping) when the browser refuses. */
  private write(): boolean {
    const now = new Date(clock().now());
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(saveList(this.entries, this.simple, now)));
      this.savedAt = now;
      return true;
    } catch (error) {
      this.savedAt = undefined;
      this.notice = { kind: 'storage-failed' };
      this.reportError('checklist/storage-unavailable', 'localStorage refused the list (blocked or full); it stays in memory.', error);
      return false;
    }
  }

  private changedList(): void {
    if (this.kept) this.write();
  }

  private keep(): void {
    if (this.write()) this.notice = { kind: 'kept' };
  }

  private forget(): boolean {
    try {
      localStorage.removeItem(this.storageKey);
      return true;
    } catch {
      return false; // Storage blocked: nothing was written there either.
    }
  }

  private stopKeeping(): void {
    this.forget();
    this.savedAt = undefined;
    this.notice = { kind: 'stopped' };
  }

  /** "Delete everything" asks first; focus goes to the button that confirms. */
  private askBeforeDeleting(): void {
    this.confirming = true;
    this.focusAfterUpdate = '.confirm .danger';
  }

  /** "Cancel": nothing is deleted; focus returns to "Delete everything". */
  private keepEverything(): void {
    this.confirming = false;
    this.focusAfterUpdate = '.danger';
  }

  /** Removes every status and note from memory and from the browser's storage. */
  deleteEverything(): void {
    this.forget();
    this.entries = {};
    this.savedAt = undefined;
    this.changed = undefined;
    this.confirming = false;
    this.notice = { kind: 'deleted' };
    this.focusAfterUpdate = '.danger';
  }

  // ---- Files the person keeps ----

  /** Offers the list as a JSON file download; returns the file's name. */
  exportFile(): string {
    const list = saveList(this.entries, this.simple, new Date(clock().now()));
    const name = `checklist-${list.saved.slice(0, 10)}.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(list, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    // Revoked later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.notice = { kind: 'exported', name };
    return name;
  }

  /**
   * Loads a list the person saved earlier. A damaged or foreign file changes
   * nothing and says so. Resolves to whether the list was loaded.
   */
  async importFile(file: Blob): Promise<boolean> {
    let text = '';
    try {
      // A saved list is a few kB; anything far bigger is not one.
      if (file.size < 1_000_000) text = await file.text();
    } catch {
      // Unreadable (removed or locked): handled as damaged below.
    }
    const { list } = (await validation()).readList(text);
    if (!list) {
      this.notice = { kind: 'import-failed' };
      return false;
    }
    this.take(list);
    this.notice = { kind: 'imported', saved: list.saved };
    this.changedList();
    return true;
  }

  private async onFileChosen(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again is noticed.
    input.value = '';
    if (file) await this.importFile(file);
  }

  // ---- Steps ----

  private setStatus(key: string, status: Status): void {
    const note = this.entries[key]?.note;
    this.entries = { ...this.entries, [key]: note ? { status, note } : { status } };
    this.changed = key;
    this.changedList();
  }

  private setNote(key: string, note: string): void {
    this.entries = { ...this.entries, [key]: { status: this.entries[key]?.status ?? 'open', note } };
    this.changedList();
  }

  private toggle(section: ChecklistSection): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(section.id)) expanded.add(section.id);
    this.expanded = expanded;
  }

  private goTo(step: Step): void {
    this.expanded = new Set(this.expanded).add(step.section.id);
    this.focusAfterUpdate = `[id="${itemKey(step.section, step.item)}"]`;
  }

  // ---- Rendering ----

  private statusLabel(status: Status): string {
    return {
      // Own ids: these short words are common, and another package's "Open" may mean "open it".
      open: msg('Open', { id: 'checklist-status-open' }),
      doing: msg('In progress', { id: 'checklist-status-doing' }),
      done: msg('Done', { id: 'checklist-status-done' }),
      skip: msg('Not relevant', { id: 'checklist-status-skip' }),
    }[status];
  }

  private itemTitle(item: ChecklistItem): string {
    return (this.simple && item.simpleTitle) || item.title;
  }

  /**
   * The steps' language where it is not the interface's (a Romanian or Arabic
   * page gets the German set), for `lang` and `dir` on their texts: read with a
   * German voice, laid out left to right (WCAG 3.1.2).
   */
  private get stepLang(): string | undefined {
    return this.locale.split('-')[0] === this.contentLang ? undefined : this.contentLang;
  }

  /** A text of the built-in set, marked with its language where it differs from the interface's. */
  private inContentLang(text: string): TemplateResult | string {
    const lang = this.stepLang;
    return lang ? html`<span lang=${lang} dir=${textDirection(lang)}>${text}</span>` : text;
  }

  private date(iso: string | Date, withTime = true): string {
    return new Intl.DateTimeFormat(this.locale, withTime ? { dateStyle: 'full', timeStyle: 'short' } : { dateStyle: 'long' }).format(new Date(iso));
  }

  /** "2 of 4 done", with "not relevant" counted apart. */
  private count(p: Progress): string {
    const { done, total, skip } = p;
    const count = total === 0 ? msg('Every step is marked not relevant.') : msg(str`${done} of ${total} done`);
    return skip ? `${count} ${msg(str`(${skip} not relevant)`)}` : count;
  }

  private bar(p: Progress): TemplateResult {
    // The numbers are in the text beside it; the bar only shows them.
    return html`<progress aria-hidden="true" max=${p.total || 1} .value=${p.total ? p.done : 1}></progress>`;
  }

  protected override render(): TemplateResult {
    const root = (body: unknown) => html`<div class="root" lang=${this.locale} dir=${this.localeDir}>${body}</div>`;
    if (this.unavailable) {
      return root(html`<div class="panel" role="note"><p>${msg('The checklist cannot be shown at the moment.')}</p><slot></slot></div>`);
    }
    // Until the content is there, the site's own fallback stays visible.
    if (!this.shown) return root(html`<slot></slot>`);
    const content = this.shown;
    const counsellor = this.mode === 'counsellor';
    const all = progress(content.sections, this.entries);
    return root(html`
      <div class="controls" part="controls">
        <fieldset>
          <legend class="visually-hidden">${msg('View')}</legend>
          ${(['person', 'counsellor'] as const).map(
            (mode) =>
              html`<label
                ><input type="radio" name="mode" .checked=${this.mode === mode} @change=${() => (this.mode = mode)} />${mode === 'person'
                  ? msg('For me')
                  : msg('With a counsellor')}</label
              >`,
          )}
        </fieldset>
        <label><input type="checkbox" .checked=${this.simple} @change=${(e: Event) => this.toggleSimple(e)} />${msg('Simple language')}</label>
        <button type="button" @click=${() => window.print()}>${msg('Print')}</button>
      </div>
      ${this.renderPrivacy()}
      <p class="print">${msg(str`Status on ${this.date(new Date(clock().now()), false)}`)}</p>
      ${this.siteRejected ? html`<p class="muted" role="note">${msg('Local information from this website could not be loaded. The general list is shown.')}</p>` : nothing}
      <section class="overview" part="overview" aria-labelledby="h-overview">
        <h2 id="h-overview">${msg('Your progress')}</h2>
        <p>${msg('Overall:')} ${this.count(all)}</p>
        ${this.bar(all)}
        <ul>
          ${content.sections.map((section) => {
            const p = progress([section], this.entries);
            return html`<li>${this.inContentLang(section.title)}: ${this.count(p)}${this.bar(p)}</li>`;
          })}
        </ul>
      </section>
      ${this.renderNext(content)} ${content.sections.map((section) => this.renderSection(section, counsellor))}
      <p class="visually-hidden" role="status">${this.announcement(content)}</p>
    `);
  }

  private toggleSimple(event: Event): void {
    this.simple = (event.target as HTMLInputElement).checked;
    this.changedList();
  }

  private announcement(content: ChecklistContent): string {
    const section = content.sections.find((s) => this.changed?.startsWith(`${s.id}/`));
    const item = section?.items.find((i) => itemKey(section, i) === this.changed);
    if (!section || !item) return '';
    const status = this.statusLabel(this.entries[this.changed!]?.status ?? 'open');
    return `${this.itemTitle(item)}: ${status}. ${section.title}: ${this.count(progress([section], this.entries))}`;
  }

  private renderNext(content: ChecklistContent): TemplateResult {
    const steps = nextSteps(content, this.entries);
    return html`<section class="next" part="next-steps" aria-labelledby="h-next">
      <h2 id="h-next">${msg('Next steps')}</h2>
      ${steps.length
        ? html`<ol>
            ${steps.map(
              (step) =>
                html`<li>
                  <button type="button" class="link" @click=${() => this.goTo(step)}>${this.inContentLang(this.itemTitle(step.item))}</button>
                  <span class="muted">(${this.inContentLang(step.section.title)}: ${this.statusLabel(step.status)})</span>
                </li>`,
            )}
          </ol>`
        : html`<p>${msg('Every step is done or marked not relevant.')}</p>`}
    </section>`;
  }

  private renderSection(section: ChecklistSection, counsellor: boolean): TemplateResult {
    const open = counsellor || this.expanded.has(section.id);
    const p = progress([section], this.entries);
    return html`<section class="section" part="section" aria-labelledby="h-${section.id}">
      <h2 id="h-${section.id}">
        ${counsellor
          ? this.inContentLang(section.title)
          : html`<button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="s-${section.id}" @click=${() => this.toggle(section)}>
              ${this.inContentLang(section.title)}
            </button>`}
      </h2>
      <p class="count">${this.count(p)}</p>
      ${this.bar(p)}
      <ul class="items" id="s-${section.id}" ?hidden=${!open}>
        ${section.items.map((item) => this.renderItem(section, item, counsellor))}
      </ul>
    </section>`;
  }

  /** A step's link, only through core's safe-URL rule (the content check refuses others already). */
  private renderLink(link: { href: string; label: string }): TemplateResult {
    const href = checkedUrl(this, link.href, urlRules.link, 'a step\'s link.href', 'checklist/invalid-link');
    return html`<p>${href ? html`<a href=${href}>${link.label}</a>` : link.label}</p>`;
  }

  private renderItem(section: ChecklistSection, item: ChecklistItem, counsellor: boolean): TemplateResult {
    const key = itemKey(section, item);
    const entry = this.entries[key];
    const status = entry?.status ?? 'open';
    const title = this.itemTitle(item);
    const lang = this.stepLang;
    const text = (this.simple && item.simpleText) || item.text;
    const about = html`${lang ? html`<p class="text" lang=${lang} dir=${textDirection(lang)}>${text}</p>` : html`<p class="text">${text}</p>`}
      ${item.link ? this.renderLink(item.link) : nothing}
      ${item.contact ? this.renderContact(item.contact) : nothing}`;
    return html`<li class="item ${status}" part="item">
      <h3 id=${key} tabindex="-1">${this.inContentLang(title)}<span class="print"> (${this.statusLabel(status)})</span></h3>
      ${counsellor ? html`<details><summary>${msg('About this step')}</summary>${about}</details>` : about}
      <fieldset class="choices">
        <legend class="visually-hidden">${msg(str`Status: ${title}`)}</legend>
        ${statuses.map(
          (option) =>
            html`<label><input type="radio" name=${key} .checked=${option === status} @change=${() => this.setStatus(key, option)} />${this.statusLabel(option)}</label>`,
        )}
      </fieldset>
      ${counsellor
        ? html`<label class="note"
            >${msg(str`Note on: ${title}`)}<textarea
              maxlength=${NOTE_MAX}
              autocomplete="off"
              .value=${entry?.note ?? ''}
              @input=${(e: Event) => this.setNote(key, (e.target as HTMLTextAreaElement).value)}
            ></textarea
          ></label>`
        : nothing}
      ${entry?.note ? html`<p class="print">${entry.note}</p>` : nothing}
    </li>`;
  }

  private renderContact(contact: ChecklistContact): TemplateResult {
    return html`<address class="contact">
      <strong>${contact.name}</strong>${contact.address ? html`<br />${contact.address}` : nothing}${contact.phone
        ? html`<br /><a href="tel:${contact.phone.replace(/ /g, '')}"><bdi>${contact.phone}</bdi></a>`
        : nothing}${contact.email ? html`<br /><a href="mailto:${contact.email}"><bdi>${contact.email}</bdi></a>` : nothing}${contact.hours
        ? html`<br />${contact.hours}`
        : nothing}
    </address>`;
  }

  private renderPrivacy(): TemplateResult {
    const notice = this.notice;
    let noticeText = '';
    switch (notice?.kind) {
      case 'kept':
        noticeText = msg('The list is now kept on this device. You can delete it at any time.');
        break;
      case 'deleted':
        noticeText = msg('Everything is deleted: every status and note, also from this browser’s storage. Files you saved yourself are not affected.');
        break;
      case 'stopped':
        noticeText = msg('The list is no longer kept on this device. It is gone when you close the page.');
        break;
      case 'storage-failed':
        noticeText = msg('This browser does not allow keeping the list. It stays only until you close the page.');
        break;
      case 'import-failed':
        noticeText = msg('This file cannot be read as a saved checklist. Nothing was changed. Please choose a file this page saved.');
        break;
      case 'exported':
        noticeText = msg(str`The list is saved as the file ${notice.name} (usually in your downloads). Anyone who has the file can read it.`);
        break;
      case 'imported':
        noticeText = msg(str`Your list saved on ${this.date(notice.saved)} is loaded.`);
    }
    return html`<section class="panel" part="privacy" aria-labelledby="h-privacy">
      <h2 id="h-privacy">${msg('Your privacy')}</h2>
      ${this.savedAt
        ? html`<p>${msg(str`The list is kept on this device, in this browser only, and never sent anywhere. Last saved: ${this.date(this.savedAt)}.`)}</p>`
        : html`<p>${msg('The list is only kept while this page is open. When you close the page, it is gone.')}</p>
            <p>
              ${msg('You can keep it on this device. Then anyone who uses this phone or computer can see it in this browser. Only do this if nobody else uses it.')}
            </p>`}
      <div class="actions">
        <button type="button" class=${this.savedAt ? '' : 'primary'} @click=${() => (this.savedAt ? this.stopKeeping() : this.keep())}>
          ${this.savedAt ? msg('Stop keeping it on this device') : msg('Keep on this device')}
        </button>
        <button type="button" @click=${() => this.exportFile()}>${msg('Save as a file')}</button>
        <button type="button" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')!.click()}>${msg('Open a saved file')}</button>
        <input type="file" accept=".json,application/json" hidden @change=${(e: Event) => this.onFileChosen(e)} />
        ${this.confirming
          ? nothing
          : html`<button type="button" class="danger" @click=${this.askBeforeDeleting}>
              ${msg('Delete everything')}
            </button>`}
      </div>
      ${this.confirming
        ? html`<div class="actions confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">${msg('Delete every status and note, also from this device?')}</p>
            <button type="button" class="danger" @click=${() => this.deleteEverything()}>${msg('Yes, delete everything')}</button>
            <button type="button" @click=${this.keepEverything}>${msg('Cancel')}</button>
          </div>`
        : nothing}
      <p role="status">${noticeText}</p>
    </section>`;
  }
}
