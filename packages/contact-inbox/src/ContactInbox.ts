import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { WegweiserElement, clock, registerMessages, plural } from '@wegweiser/core';
import { refusedUrlMessage, safeUrl, urlRules } from '@wegweiser/core/safe-url';
import { Announcer } from '@wegweiser/core/announcer';
import { PageVisibility } from '@wegweiser/core/visibility';
import { addStyles, contactStyles } from '@wegweiser/contact-form/styles';
import type { AttachmentPicker } from '@wegweiser/contact-form/attachment-picker';
import { centrePattern, maxTextLength } from '@wegweiser/contact-form/format';
import type { InboxClient, InboxError, Conversation, ConversationSummary, InboxErrorKind } from './inbox-client.js';
import type { OpenedKey, KeyFileProblem } from './key-file.js';
import { AnswerNotSealedError, InboxSession } from './inbox-session.js';
import { AttachmentFiles } from '@wegweiser/contact-form/attachment-files';
import type { Plaintext } from './messages.js';
import type { AnswerState, Filter, KeyProblem, Load, ManageState, Notice, Opened, ReplyProblem, SignInProblem, Stage } from './inbox-state.js';
import { inboxStyles } from './contact-inbox.styles.js';
import { characterCountAnnouncement, focusAfterUpdate } from '@wegweiser/contact-form/form-feedback';
import { keyView, signInView } from './sign-in-view.js';
import { listView, toolbarView } from './conversation-list-view.js';
import { conversationView } from './conversation-view.js';
import { figuresView } from './figures-view.js';
import { catalogue } from './generated/catalogue.js';

registerMessages('@wegweiser/contact-inbox', catalogue);

/**
 * @summary The counselling team's inbox for anonymous conversations: sign in to
 * the relay, open the centre's private key file, read the messages (decrypted
 * in this browser) and answer them, encrypted to the person's code.
 *
 * @csspart sign-in - The sign-in form (centre and team credential).
 * @csspart key - The form that opens the private key file.
 * @csspart error-summary - The list of problems after a submit with mistakes.
 * @csspart toolbar - Centre, refresh and lock, above the list.
 * @csspart list - The list of conversations.
 * @csspart conversation - One open conversation with its messages.
 * @csspart reply - The answer form.
 * @csspart status - A box that says something could not be done, or was done.
 *
 * @cssproperty --ww-contact-inbox-accent - Buttons and markers; defaults to `--ww-color-accent`.
 *
 * @fires ww-error - `contact-inbox/invalid-relay`, `contact-inbox/invalid-centre` (the `centre` attribute is ignored),
 *   `contact-inbox/inbox-off` (the relay has no RELAY_INBOX_CREDENTIALS), `contact-inbox/relay-unreachable`
 *   (network, relay or database down; the inbox keeps what was typed), `contact-inbox/relay-refused` (an answer the inbox
 *   does not expect), `contact-inbox/undecryptable` (a message that the key does not open; shown as such in its place),
 *   `contact-inbox/encryption-failed` (an answer could not be encrypted in this browser; the text is kept),
 *   `contact-inbox/unverified` (a message does not hold its place in its conversation, or its first message changed; answering is stopped).
 *
 * @status experimental
 * @since 0.1.0
 */
export class ContactInbox extends WegweiserElement {
  // For counselling teams: no Leichte Sprache; a de-x-ls page gets German.
  static override unsupportedLocales = ['de-x-ls'];
  static override styles = [
    ...WegweiserElement.styles,
    // The fields, buttons, boxes and error summary look as in the contact form; inboxStyles adjusts them for the team's wider page.
    contactStyles,
    inboxStyles,
  ];

  // What the views (sign-in-view.ts, conversation-list-view.ts, conversation-view.ts) read and call is
  // marked @internal: not private, so that they can, and not in the API (the manifest leaves it out).

  /** The relay's base URL. Default: this page's own origin (the relay serves the inbox at /inbox/). */
  @property() relay: string | null = null;

  /** Fills in the centre id on the sign-in form (lower-case letters, digits, hyphens). */
  @property() centre: string | null = null;

  /** Milliseconds between automatic refreshes while the page is visible; 0 turns them off. */
  @property({ attribute: false }) refreshInterval = 60_000;

  @state() private stage: Stage = 'sign-in';
  /** @internal */ @state() notice: Notice = null;
  /** @internal The locale the views format numbers and dates in (protected in WegweiserElement). */
  declare locale: string;
  /** @internal The sign-in or the key form is at work (signing in, opening the key). */
  @state() busy = false;
  /** @internal */ @state() centreInput = '';
  /** @internal */ @state() credential = '';
  /** @internal */ @state() signInProblems: Partial<Record<'centre' | 'credential', SignInProblem>> = {};
  /** @internal */ @state() keyText = '';
  /** @internal */ @state() keyFileName = '';
  /** @internal */ @state() passphrase = '';
  /** @internal */ @state() keyProblems: Partial<Record<'file' | 'passphrase', KeyProblem>> = {};
  /** @internal */ @state() keyCentre = '';
  /** @internal */ @state() progress: number | null = null;
  /** @internal */ @state() listLoad: Load = 'loading';
  /** @internal */ @state() filter: Filter = 'new';
  /** @internal */ @state() updatedAt = 0;
  /** @internal */ @state() openId: string | null = null;
  /** @internal */ @state() current: Conversation | null = null;
  /** @internal */ @state() currentLoad: Load = 'loading';
  /** @internal */ @state() drafts: Record<string, string> = {};
  @state() private replyLanguages: Record<string, string> = {};
  /** @internal */ @state() replyProblem: ReplyProblem | null = null;
  /** @internal The open conversation's answer form. */
  @state() answer: AnswerState = { kind: 'idle' };
  /** @internal Closing, reopening or deleting the open conversation. */
  @state() manage: ManageState = { kind: 'idle' };
  /** @internal Whether the team looks at its figures instead of the conversations (figures-view.ts). */
  @state() figuresShown = false;
  private readonly announcer = new Announcer(this);
  /** @internal The answer's character count, read out after a pause in typing, near the limit. */
  readonly counterAnnouncer = new Announcer(this);

  /** The client, the session, the keys and what was decrypted (inbox-session.ts); this element shows it. */
  private readonly inboxSession = new InboxSession({
    changed: () => this.requestUpdate(),
    report: (code, message) => this.reportError(code, message),
  });

  /** @internal The open conversation's files (issue 23), decrypted here and forgotten when it closes. */
  readonly attachmentFiles = new AttachmentFiles(this, {
    conversation: () => (this.key ? this.openId : null),
    centre: () => this.key?.centre ?? null,
    fetchBlob: (id) => this.client!.blob(id),
  });
  /**
   * The contact form's file picker (issue 23): its small module loads when the first answer form
   * is shown, its reading, cleaning and encryption only when a file is added. One picker per
   * conversation, as the drafts are; all of it in memory.
   */
  @state() private pickerCode: typeof import('./answer-files.js') | null = null;
  private pickerRequested = false;
  private readonly answerPickers = new Map<string, AttachmentPicker>();
  /** @internal Whether the key form opens an earlier key beside the open one. */
  addingOlderKey = false;
  private refreshTimer: number | undefined;
  private readonly visibility = new PageVisibility(this, () => {
    if (this.stage === 'inbox') void this.refresh(true);
  });

  // What the views read of the session, under the names they use.
  private get client(): InboxClient | null {
    return this.inboxSession.client;
  }
  /** @internal The centre signed in for. */
  get session(): { centre: string; expiresAt: number } | null {
    return this.inboxSession.signedIn;
  }
  /** @internal */ get key(): OpenedKey | null {
    return this.inboxSession.key;
  }
  /** @internal The centre's earlier keys, opened beside `key` after a key change (docs/network.md). */
  get olderKeys(): OpenedKey[] {
    return this.inboxSession.olderKeys;
  }
  /** @internal */ get conversations(): ConversationSummary[] {
    return this.inboxSession.conversations;
  }
  /** @internal Envelope ciphertext → its plaintext (null: it does not open). */
  get opened(): Map<string, Opened> {
    return this.inboxSession.opened;
  }
  /** @internal Item id → whether it holds its place in its conversation. */
  get intact(): Map<string, boolean> {
    return this.inboxSession.intact;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleRefresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clock().clearTimeout(this.refreshTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refreshInterval')) this.scheduleRefresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('relay') || !this.client) this.checkRelay();
    if (changed.has('centre')) {
      const centre = this.centre?.trim() ?? '';
      if (centre && !centrePattern.test(centre)) {
        this.reportError('contact-inbox/invalid-centre', `centre "${centre}" is not a centre id (lower-case letters, digits and hyphens); it is ignored.`);
      } else if (centre && !this.centreInput) this.centreInput = centre;
    }
  }

  private checkRelay(): void {
    // No relay attribute: the inbox page is served by the relay itself.
    const relay = safeUrl(this.relay?.trim() || '/', urlRules.webAddress);
    if (relay === null) {
      this.stage = 'misconfigured';
      this.reportError('contact-inbox/invalid-relay', refusedUrlMessage('relay', this.relay, urlRules.webAddress));
      return;
    }
    // Another relay: nothing of the old session applies.
    if (this.inboxSession.useRelay(relay)) {
      this.forgetShown();
      this.stage = 'sign-in';
    }
  }

  /** Forgets what the views hold of the conversations: unsent answers and their files, the open conversation, typed secrets. */
  private forgetShown(): void {
    for (const picker of this.answerPickers.values()) picker.clear();
    this.answerPickers.clear();
    this.addingOlderKey = false;
    this.drafts = {};
    this.current = null;
    this.openId = null;
    this.figuresShown = false;
    this.passphrase = this.credential = this.keyText = this.keyFileName = '';
  }

  // ---- signing in and opening the key ----

  /** @internal */ async signIn(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const centre = this.centreInput.trim();
    const problems: typeof this.signInProblems = {};
    if (!centre) problems.centre = 'centre-missing';
    else if (!centrePattern.test(centre)) problems.centre = 'centre-format';
    if (!this.credential.trim()) problems.credential = 'credential-missing';
    this.signInProblems = problems;
    if (Object.keys(problems).length) return this.focusLater('.summary');
    this.busy = true;
    const keyBefore = this.key;
    let role: 'team' | 'coordinator';
    try {
      role = await this.inboxSession.signIn(centre, this.credential);
    } catch (error) {
      this.busy = false;
      const kind = (error as InboxError).kind ?? 'refused';
      if (kind === 'sign-in-failed') {
        this.signInProblems = { credential: 'wrong' };
        return this.focusLater('.summary');
      }
      this.relayProblem(error, kind);
      this.notice = kind === 'inbox-off' ? 'inbox-off' : 'unavailable';
      return this.focusLater('[part=status]');
    }
    this.busy = false;
    this.credential = '';
    this.notice = null;
    if (role === 'coordinator') {
      this.stage = 'figures';
      return;
    }
    // The key open before was another centre's: what was shown of it goes too.
    if (keyBefore && !this.key) this.forgetShown();
    if (this.key) {
      // Signed in again after the session ended: back to where the counsellor was, text kept.
      this.stage = 'inbox';
      await this.refresh(false);
      this.focusLater(this.openId ? '#conversation-title' : '#inbox-title');
    } else {
      this.stage = 'key';
      this.focusLater('#key-title');
      // Said as well: Orca with Firefox says nothing when the focus moves to the new step's heading
      // after the sign-in form is replaced (heard in scripts/screen-reader/scenarios/inbox.mjs).
      this.say(() => msg('Signed in. Step 2 of 2: open the private key.'));
    }
  }

  /** @internal */ async onKeyFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.keyFileName = file?.name ?? '';
    // A key file is small; anything large is not one (read at most a little more than the limit).
    this.keyText = file ? await file.slice(0, 20_000).text() : '';
  }

  /** @internal */ async openKey(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const problems: typeof this.keyProblems = {};
    if (!this.keyText.trim()) problems.file = 'file-missing';
    if (!this.passphrase) problems.passphrase = 'passphrase-missing';
    this.keyProblems = problems;
    if (Object.keys(problems).length) return this.focusLater('.summary');
    this.busy = true;
    this.progress = 0;
    let lastShown = 0;
    const asOlderKey = this.addingOlderKey && this.key !== null;
    try {
      // Long work on the main thread: scrypt yields every few milliseconds, and the bar moves in steps of 5 %.
      const refusal = await this.inboxSession.openKey(this.keyText, this.passphrase, asOlderKey, (fraction) => {
        if (fraction - lastShown >= 0.05) this.progress = lastShown = fraction;
      });
      if (refusal?.refused === 'other-centre') {
        this.keyCentre = refusal.centre;
        this.keyProblems = { file: 'other-centre' };
        return this.focusLater('.summary');
      }
      if (refusal?.refused === 'already-open') {
        this.keyProblems = { file: 'already-open' };
        return this.focusLater('.summary');
      }
      this.passphrase = this.keyText = this.keyFileName = '';
      if (asOlderKey) {
        this.closeOlderKeyForm();
        await this.refresh(false);
        return;
      }
      this.stage = 'inbox';
      this.listLoad = 'loading';
      this.focusLater('#inbox-title');
      // Said as well, for the same reason as after signing in.
      this.say(() => msg('The key is open.'));
      await this.refresh(false);
    } catch (error) {
      const problem = (error as { problem?: KeyFileProblem }).problem;
      if (problem) {
        this.keyProblems = problem === 'wrong-passphrase' ? { passphrase: problem } : { file: problem };
        return this.focusLater('.summary');
      }
      // The encryption code could not be loaded (offline) or Web Crypto lacks X25519.
      this.reportError('contact-inbox/relay-unreachable', 'The key could not be opened in this browser (the code did not load, or Web Crypto lacks X25519).', error);
      this.keyProblems = { file: 'damaged' };
      this.focusLater('.summary');
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  /** @internal Shows the key form for an earlier key of the centre, beside the inbox's key. */
  openOlderKeyForm(): void {
    this.addingOlderKey = true;
    this.keyProblems = {};
    this.stage = 'key';
    this.focusLater('#key-title');
  }

  /** @internal Back to the conversations, without another key. */
  closeOlderKeyForm(): void {
    this.addingOlderKey = false;
    this.keyProblems = {};
    this.passphrase = this.keyText = this.keyFileName = '';
    this.stage = 'inbox';
    this.focusLater('#inbox-title');
  }

  /** @internal */ async lock(): Promise<void> {
    const locked = this.inboxSession.lock();
    this.forgetShown();
    this.stage = 'sign-in';
    this.notice = 'locked';
    this.signInProblems = {};
    this.keyProblems = {};
    this.focusLater('[part=status]');
    await locked;
  }

  // ---- loading ----

  private scheduleRefresh(): void {
    clock().clearTimeout(this.refreshTimer);
    if (!this.refreshInterval || !this.isConnected) return;
    this.refreshTimer = clock().setTimeout(() => {
      // A polite background refresh: only while the page is seen, never while something is being done.
      if (this.stage === 'inbox' && this.visibility.visible && !this.busy && !this.working) void this.refresh(true);
      this.scheduleRefresh();
    }, this.refreshInterval);
  }

  /** Whether the open conversation is being closed, reopened or deleted. */
  private get managing(): boolean {
    return this.manage.kind === 'changing-status' || this.manage.kind === 'deleting';
  }

  /** Whether the open conversation is being answered, closed, reopened or deleted. */
  private get working(): boolean {
    return this.answer.kind === 'sending' || this.managing;
  }

  /** Loads the list (and the open conversation); `background` announces new conversations. */
  /** @internal */ async refresh(background: boolean): Promise<void> {
    if (!this.client?.token || !this.key) return;
    if (!background) this.listLoad = this.conversations.length ? this.listLoad : 'loading';
    try {
      const arrivals = await this.inboxSession.loadList();
      this.listLoad = 'ready';
      this.updatedAt = clock().now();
      if (background && arrivals) this.announceArrivals(arrivals);
    } catch (error) {
      // A relay that stays down is reported once, not at every background refresh.
      if (background && this.listLoad === 'unavailable' && (error as InboxError).kind === 'unavailable') return;
      if (!this.handle(error)) this.listLoad = 'unavailable';
      return;
    }
    if (this.openId) await this.loadConversation(this.openId);
  }

  private announceArrivals(count: number): void {
    this.say(() =>
      plural(this.locale, count, {
        one: () => msg(str`${count} conversation with a new message`),
        two: () => msg(str`${count} conversations with new messages`, { id: 'inbox-new.two' }),
        few: () => msg(str`${count} conversations with new messages`, { id: 'inbox-new.few' }),
        many: () => msg(str`${count} conversations with new messages`, { id: 'inbox-new.many' }),
        other: () => msg(str`${count} conversations with new messages`),
      }),
    );
  }

  /** @internal */ async loadConversation(id: string): Promise<void> {
    try {
      const conversation = await this.inboxSession.loadConversation(id, () => this.openId === id);
      if (!conversation) return;
      this.current = conversation;
      this.currentLoad = 'ready';
      await this.inboxSession.checked;
    } catch (error) {
      if (this.openId !== id) return;
      const kind = (error as InboxError).kind;
      if (kind === 'not-found') this.currentLoad = 'gone';
      else if (!this.handle(error)) this.currentLoad = 'unavailable';
    }
  }

  /** @internal Whether a decrypted item fails its check, or the first item's reply key is not the one pinned. */
  answeringStopped(conversation: Conversation): boolean {
    return this.inboxSession.answeringStopped(conversation);
  }

  /** Handles the failures every request shares; true when handled (the view changed). */
  private handle(error: unknown): boolean {
    const kind = (error as InboxError).kind ?? 'refused';
    if (kind === 'signed-out') {
      this.sessionEnded();
      return true;
    }
    this.relayProblem(error, kind);
    return false;
  }

  private relayProblem(error: unknown, kind: InboxErrorKind): void {
    const { status = 0, code = 'unknown' } = error as Partial<InboxError>;
    if (kind === 'inbox-off') this.reportError('contact-inbox/inbox-off', 'The relay has no team inbox: set RELAY_INBOX_CREDENTIALS (see `wegweiser-relay credential`).', error);
    else if (kind === 'unavailable') this.reportError('contact-inbox/relay-unreachable', `Relay unreachable or busy (${status || 'network'} ${code}); nothing typed is lost.`, error);
    else if (kind !== 'not-found') this.reportError('contact-inbox/relay-refused', `The relay refused the request (${status} ${code}); check RELAY_INBOX_ORIGINS and the relay's version.`, error);
  }

  /** The session ended (expired, or signed out elsewhere): sign in again; the key, the open conversation and typed answers stay. */
  private sessionEnded(): void {
    this.inboxSession.sessionEnded();
    this.stage = 'sign-in';
    this.notice = 'session-ended';
    this.busy = false;
    if (this.answer.kind === 'sending') this.answer = { kind: 'idle' };
    if (this.manage.kind === 'changing-status') this.manage = { kind: 'idle' };
    // The confirmation stays, as the answer's text does: after signing in again, deleting is one click away.
    if (this.manage.kind === 'deleting') this.manage = { kind: 'confirming-delete' };
    this.focusLater('[part=status]');
  }

  // ---- the list ----

  /** @internal */ onFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value as Filter;
  }

  /** @internal */ async openConversation(id: string): Promise<void> {
    this.openId = id;
    this.current = null;
    this.currentLoad = 'loading';
    this.resetConversationState();
    this.focusLater('#conversation-title');
    await this.loadConversation(id);
  }

  private resetConversationState(): void {
    this.replyProblem = null;
    this.answer = { kind: 'idle' };
    this.manage = { kind: 'idle' };
  }

  /** @internal */ backToList(): void {
    const id = this.openId;
    this.openId = null;
    this.current = null;
    this.resetConversationState();
    void this.refresh(false);
    this.focusLater(id && this.conversations.some((c) => c.id === id) ? `[data-id="${id}"]` : '#inbox-title');
  }

  // ---- answering and managing a conversation ----

  /** @internal */ onDraft(event: Event): void {
    const id = this.openId!;
    const text = (event.target as HTMLTextAreaElement).value;
    this.drafts = { ...this.drafts, [id]: text };
    if (this.answer.kind === 'sent') this.answer = { kind: 'idle' };
    // Announce the count only after a pause in typing, and only near the limit (GOV.UK's character count).
    this.counterAnnouncer.sayAfterPause(() => this.localize(() => characterCountAnnouncement(this.locale, text.length)));
  }

  /**
   * @internal The files for the answer to conversation `id`: null until the picker's code has
   * loaded (and offline, where answers go without files).
   */
  answerFiles(id: string): AttachmentPicker | null {
    if (!this.pickerCode) {
      this.loadPicker();
      return null;
    }
    let picker = this.answerPickers.get(id);
    if (!picker) {
      picker = this.pickerCode.answerFilePicker(this, {
        locale: () => this.locale,
        localize: (lookup) => this.localize(lookup),
        // The inbox's one live region says what happens to the files too.
        announcer: this.announcer,
      });
      this.answerPickers.set(id, picker);
    }
    return picker;
  }

  private loadPicker(): void {
    if (this.pickerRequested) return;
    this.pickerRequested = true;
    import('./answer-files.js')
      .then((code) => {
        // The picker's styles join the element's own, as static styles would have.
        addStyles(this.renderRoot as ShadowRoot, code.attachmentStyles);
        this.pickerCode = code;
      })
      .catch(() => {
        // Offline, or the chunk was blocked: answers go without files; the next answer form tries again.
        this.pickerRequested = false;
      });
  }

  /** @internal */ onReplyLanguage(event: Event): void {
    this.replyLanguages = { ...this.replyLanguages, [this.openId!]: (event.target as HTMLSelectElement).value };
  }

  /** @internal */ replyLanguage(first: Plaintext | null): string {
    return this.replyLanguages[this.openId!] ?? InboxSession.suggestedLanguage(first);
  }

  /** @internal */ async sendReply(event: Event): Promise<void> {
    event.preventDefault();
    const conversation = this.current;
    if (!conversation || !this.key || this.answer.kind === 'sending') return;
    const text = this.drafts[conversation.id] ?? '';
    this.replyProblem = !text.trim() ? 'empty' : text.length > maxTextLength ? 'too-long' : null;
    if (this.replyProblem) return this.focusLater('.summary');
    this.answer = { kind: 'sending' };
    await this.inboxSession.checked.catch(() => {});
    const language = this.replyLanguage(this.inboxSession.firstOf(conversation) ?? null) || null;
    // Files still being cleaned are waited for: the answer goes with what the list shows.
    const picker = this.answerPickers.get(conversation.id);
    if (picker?.busy) await picker.settled;
    try {
      if ((await this.inboxSession.sendReply(conversation, text, language, picker?.attachments)) === 'stopped') {
        this.answer = { kind: 'idle' };
        return;
      }
    } catch (error) {
      if (error instanceof AnswerNotSealedError) {
        this.answer = { kind: 'failed', because: 'encryption' };
        this.reportError('contact-inbox/encryption-failed', error.message, error.cause);
        this.focusLater('[part=status]');
        return;
      }
      this.answer = { kind: 'failed', because: 'relay' };
      const kind = (error as InboxError).kind;
      if (kind === 'not-found') this.currentLoad = 'gone';
      else if (!this.handle(error)) this.focusLater('[part=status]');
      return;
    }
    this.drafts = { ...this.drafts, [conversation.id]: '' };
    picker?.clear();
    this.answer = { kind: 'sent' };
    this.say(() => msg('Your answer has been sent.'));
    await this.refresh(false);
  }

  /** @internal */ async setClosed(closed: boolean): Promise<void> {
    const id = this.openId;
    if (!id || this.managing) return;
    this.manage = { kind: 'changing-status' };
    try {
      await this.client!.setClosed(id, closed);
      this.manage = { kind: 'idle' };
      this.say(() => (closed ? msg('The conversation is closed.') : msg('The conversation is open again.')));
      await this.refresh(false);
    } catch (error) {
      if ((error as InboxError).kind === 'not-found') {
        this.manage = { kind: 'idle' };
        this.currentLoad = 'gone';
      } else if (!this.handle(error)) this.manage = { kind: 'status-failed' };
    }
  }

  /** @internal */ askDelete(): void {
    this.manage = { kind: 'confirming-delete' };
    this.focusLater('#delete-title');
  }

  /** @internal */ cancelDelete(): void {
    this.manage = { kind: 'idle' };
    this.focusLater('#delete');
  }

  /** @internal */ async deleteConversation(): Promise<void> {
    const id = this.openId;
    if (!id || this.managing) return;
    this.manage = { kind: 'deleting' };
    try {
      await this.client!.remove(id);
    } catch (error) {
      const kind = (error as InboxError).kind;
      if (kind === 'not-found') {
        this.manage = { kind: 'confirming-delete' };
        this.currentLoad = 'gone';
      } else if (!this.handle(error)) this.manage = { kind: 'delete-failed' };
      return;
    }
    this.drafts = Object.fromEntries(Object.entries(this.drafts).filter(([key]) => key !== id));
    this.answerPickers.get(id)?.clear();
    this.answerPickers.delete(id);
    this.openId = null;
    this.current = null;
    this.resetConversationState();
    this.say(() => msg('The conversation has been deleted.'));
    this.focusLater('#inbox-title');
    await this.refresh(false);
  }

  // ---- helpers ----

  /** Says a sentence in the live region, in the inbox's language. */
  private say(text: () => string): void {
    this.announcer.say(() => this.localize(text));
  }

  /** @internal Switches between the conversations and the figures. */
  showFigures(shown: boolean): void {
    this.figuresShown = shown;
  }

  private focusLater(selector: string): void {
    void focusAfterUpdate(this, selector);
  }

  protected override render(): TemplateResult {
    let body: TemplateResult;
    if (this.stage === 'misconfigured') {
      body = html`<div class="box" role="status">
        <h2>${msg('The team inbox is not set up correctly')}</h2>
        <p>${msg('The address of the relay is missing or wrong. Whoever looks after this page can find the details in the browser console.')}</p>
      </div>`;
    } else if (this.stage === 'sign-in') body = signInView(this);
    else if (this.stage === 'key') body = keyView(this);
    else if (this.stage === 'figures') body = html`${toolbarView(this)} ${figuresView(this, this.client, 'network')}`;
    else if (this.figuresShown) body = html`${toolbarView(this)} ${figuresView(this, this.client, 'team')}`;
    else body = html`${toolbarView(this)} ${this.openId ? conversationView(this) : listView(this)}`;
    return html`<div lang=${this.locale} dir=${this.localeDir}>
      ${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcer.text}</p>
    </div>`;
  }
}
