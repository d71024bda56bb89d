import { ifDefined } from 'lit/directives/if-defined.js';
import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { WegweiserElement, clock, isolate, registerMessages, token, plural } from '@wegweiser/core';
import { refusedUrlMessage, safeUrl, urlRules } from '@wegweiser/core/safe-url';
import { contactStyles } from '@wegweiser/contact-form/styles';
import { answerLanguages, centrePattern, maxTextLength } from '@wegweiser/contact-form/format';
import {
  colorAccent,
  colorBorderStrong,
  colorOnAccent,
  colorTextMuted,
  fontWeightBold,
  radiusSm,
  space1,
  space2,
  space3,
  space4,
} from '@wegweiser/tokens/defaults';
import { InboxClient, InboxError, newIdempotencyKey, type Conversation, type ConversationStatus, type ConversationSummary, type InboxErrorKind } from './inbox-client.js';
import type { OpenedKey, KeyFileProblem } from './key-file.js';
import type { Plaintext, Topic } from './messages.js';
import { catalogue } from './generated/catalogue.js';

registerMessages('@wegweiser/contact-inbox', catalogue);

const previewLength = 100;

type Stage = 'misconfigured' | 'sign-in' | 'key' | 'inbox';
type Filter = ConversationStatus | 'all';
type Load = 'loading' | 'ready' | 'unavailable' | 'gone';
type SignInProblem = 'centre-missing' | 'centre-format' | 'credential-missing' | 'wrong';
type KeyProblem = 'file-missing' | 'passphrase-missing' | KeyFileProblem | 'other-centre';
type ReplyProblem = 'empty' | 'too-long';
/** Why the sign-in form is shown again: the session ended, the relay is unreachable or has no inbox. */
type Notice = 'session-ended' | 'unavailable' | 'inbox-off' | 'locked' | null;
type Send = 'idle' | 'sending' | 'failed' | 'sent';
/** A decrypted item: the plaintext, or null when it cannot be decrypted. */
type Opened = Plaintext | null;

const filters: readonly Filter[] = ['new', 'answered', 'closed', 'all'];
const keyModules = () => Promise.all([import('./key-file.js'), import('./messages.js')]);

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
    // The fields, buttons, boxes and error summary look as in the contact form; what follows adjusts them for the team's wider page.
    contactStyles,
    css`
      :host {
        --_accent: var(--ww-contact-inbox-accent, ${token('color-accent', colorAccent)});
        --_muted: ${token('color-text-muted', colorTextMuted)};
        --_border: ${token('color-border-strong', colorBorderStrong)};
        max-inline-size: 60rem;
      }
      h3,
      h4 {
        font-size: 1em;
        margin: 0 0 ${token('space-2', space2)};
      }
      .meta {
        color: var(--_muted);
        margin: 0 0 ${token('space-2', space2)};
      }
      input[type='file'] {
        padding: ${token('space-1', space1)};
      }
      textarea {
        min-block-size: 8em;
      }
      button.secondary,
      button.secondary:hover {
        border-color: var(--_border);
      }
      button.danger {
        background: var(--_danger);
        color: ${token('color-on-accent', colorOnAccent)};
      }
      .actions {
        gap: ${token('space-2', space2)};
        align-items: center;
        margin-block: ${token('space-3', space3)};
      }
      .box.warning {
        border-color: var(--_danger);
        border-width: 4px;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-2', space2)} ${token('space-4', space4)};
        align-items: center;
        justify-content: space-between;
        border-block-end: 2px solid var(--_border);
        padding-block-end: ${token('space-3', space3)};
        margin-block-end: ${token('space-4', space4)};
      }
      .toolbar p {
        margin: 0;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-1', space1)} ${token('space-4', space4)};
      }
      .choice {
        align-items: center;
        min-block-size: 24px;
        margin-block: 0;
      }
      ul.conversations,
      ol.items {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.conversations > li,
      ol.items > li {
        border-block-end: 1px solid var(--_border);
        padding-block: ${token('space-3', space3)};
      }
      .open {
        display: block;
        inline-size: 100%;
        text-align: start;
        background: transparent;
        color: inherit;
        font-weight: normal;
        padding: ${token('space-2', space2)};
        border: 2px solid var(--_border);
        overflow-wrap: anywhere;
      }
      .open:hover {
        background: transparent;
        border-color: var(--_accent);
      }
      .badge {
        display: inline-block;
        font-weight: ${token('font-weight-bold', fontWeightBold)};
        border: 2px solid currentColor;
        border-radius: ${token('radius-sm', radiusSm)};
        padding: 0 ${token('space-1', space1)};
      }
      .badge.new {
        color: var(--_accent);
      }
      .no-reply {
        font-weight: ${token('font-weight-bold', fontWeightBold)};
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0 0 ${token('space-2', space2)};
        /* A message aligns by its own direction (dir=auto), not its list item's: Firefox's li is match-parent. */
        text-align: start;
      }
      .item.centre {
        border-inline-start: 4px solid var(--_accent);
        padding-inline-start: ${token('space-3', space3)};
      }
      dl {
        display: grid;
        /* Labels wrap at 40 % in a narrow container too (a sidebar), not only a narrow window. */
        grid-template-columns: fit-content(40%) minmax(0, 1fr);
        gap: ${token('space-1', space1)} ${token('space-3', space3)};
        margin: 0 0 ${token('space-2', space2)};
      }
      dt {
        font-weight: ${token('font-weight-bold', fontWeightBold)};
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      progress {
        inline-size: 100%;
        block-size: 1em;
      }
      @media (max-width: 30rem) {
        dl {
          grid-template-columns: 1fr;
        }
      }
      @media (forced-colors: active) {
        .open {
          border-color: ButtonText;
        }
      }
    `,
  ];

  /** The relay's base URL. Default: this page's own origin (the relay serves the inbox at /inbox/). */
  @property() relay: string | null = null;

  /** Fills in the centre id on the sign-in form (lower-case letters, digits, hyphens). */
  @property() centre: string | null = null;

  /** Milliseconds between automatic refreshes while the page is visible; 0 turns them off. */
  @property({ attribute: false }) refreshInterval = 60_000;

  @state() private stage: Stage = 'sign-in';
  @state() private notice: Notice = null;
  @state() private busy = false;
  @state() private centreInput = '';
  @state() private credential = '';
  @state() private signInProblems: Partial<Record<'centre' | 'credential', SignInProblem>> = {};
  @state() private keyText = '';
  @state() private keyFileName = '';
  @state() private passphrase = '';
  @state() private keyProblems: Partial<Record<'file' | 'passphrase', KeyProblem>> = {};
  @state() private keyCentre = '';
  @state() private progress: number | null = null;
  @state() private conversations: ConversationSummary[] = [];
  @state() private listLoad: Load = 'loading';
  @state() private filter: Filter = 'new';
  @state() private updatedAt = 0;
  @state() private openId: string | null = null;
  @state() private current: Conversation | null = null;
  @state() private currentLoad: Load = 'loading';
  @state() private drafts: Record<string, string> = {};
  @state() private replyLanguages: Record<string, string> = {};
  @state() private replyProblem: ReplyProblem | null = null;
  @state() private send: Send = 'idle';
  /** With `send` failed: whether encryption failed in this browser (rather than the relay). */
  @state() private sealFailed = false;
  @state() private confirmingDelete = false;
  @state() private actionFailed = false;
  @state() private announcement = '';
  @state() private counterAnnouncement = '';
  @state() private opened = new Map<string, Opened>();
  /** Item id → whether it holds its place in its conversation (messages.ts `openConversation`). */
  @state() private intact = new Map<string, boolean>();
  /** Conversation id → the reply key its first item gave when the team first opened it; answers go only to it. */
  private pinnedReplyKeys = new Map<string, string>();
  /** The check of the open conversation's items; an answer waits for it (the preview may be shown before). */
  private itemsChecked: Promise<void> = Promise.resolve();

  private client: InboxClient | null = null;
  private session: { centre: string; expiresAt: number } | null = null;
  private key: OpenedKey | null = null;
  private pending = new Map<string, { snapshot: string; body: { toPerson: unknown; toCentre: unknown; idempotencyKey: string } }>();
  private refreshTimer: number | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The "new" conversations at the last refresh (id → last activity), to announce what arrived since. */
  private seenNew = new Map<string, number>();
  private onVisibility = () => {
    if (document.visibilityState === 'visible' && this.stage === 'inbox') void this.refresh(true);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.scheduleRefresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clock().clearTimeout(this.refreshTimer);
    clearTimeout(this.announceTimer);
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
    if (this.client?.relay !== relay) {
      // Another relay: nothing of the old session applies.
      this.forget();
      this.client = new InboxClient(relay);
      this.stage = 'sign-in';
    }
  }

  /** Forgets the key, the session, the decrypted messages and unsent answers. */
  private forget(): void {
    this.key?.privateKey.fill(0);
    this.key = null;
    this.session = null;
    if (this.client) this.client.token = null;
    this.opened = new Map();
    this.intact = new Map();
    this.checkedSignature = '';
    this.pinnedReplyKeys.clear();
    this.drafts = {};
    this.pending.clear();
    this.conversations = [];
    this.current = null;
    this.openId = null;
    this.seenNew.clear();
    this.passphrase = this.credential = this.keyText = this.keyFileName = '';
  }

  // ---- signing in and opening the key ----

  private async signIn(event: Event): Promise<void> {
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
    try {
      const session = await this.client!.signIn(centre, this.credential);
      this.session = { centre, expiresAt: session.expiresAt };
      this.credential = '';
      this.notice = null;
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
    if (this.key && this.key.centre !== centre) this.forget();
    if (this.key) {
      // Signed in again after the session ended: back to where the counsellor was, text kept.
      this.stage = 'inbox';
      await this.refresh(false);
      this.focusLater(this.openId ? '#conversation-title' : '#inbox-title');
    } else {
      this.stage = 'key';
      this.focusLater('#key-title');
    }
  }

  private async onKeyFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.keyFileName = file?.name ?? '';
    // A key file is small; anything large is not one (read at most a little more than the limit).
    this.keyText = file ? await file.slice(0, 20_000).text() : '';
  }

  private async openKey(event: Event): Promise<void> {
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
    try {
      const [{ openKeyFile }] = await keyModules();
      // Long work on the main thread: scrypt yields every few milliseconds, and the bar moves in steps of 5 %.
      const key = await openKeyFile(this.keyText, this.passphrase, (p) => {
        if (p - lastShown >= 0.05) this.progress = lastShown = p;
      });
      if (key.centre !== this.session?.centre) {
        key.privateKey.fill(0);
        this.keyCentre = key.centre;
        this.keyProblems = { file: 'other-centre' };
        return this.focusLater('.summary');
      }
      this.key = key;
      this.passphrase = this.keyText = this.keyFileName = '';
      this.stage = 'inbox';
      this.listLoad = 'loading';
      this.focusLater('#inbox-title');
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

  private async lock(): Promise<void> {
    const client = this.client;
    const token = client?.token ?? null;
    this.forget();
    this.stage = 'sign-in';
    this.notice = 'locked';
    this.signInProblems = {};
    this.keyProblems = {};
    this.focusLater('[part=status]');
    // The token is already forgotten here; the relay is asked to end the session as well.
    if (client && token) await new InboxClient(client.relay, token).signOut().catch(() => {});
  }

  // ---- loading ----

  private scheduleRefresh(): void {
    clock().clearTimeout(this.refreshTimer);
    if (!this.refreshInterval || !this.isConnected) return;
    this.refreshTimer = clock().setTimeout(() => {
      // A polite background refresh: only while the page is seen, never while something is being done.
      if (this.stage === 'inbox' && document.visibilityState === 'visible' && !this.busy && this.send !== 'sending') void this.refresh(true);
      this.scheduleRefresh();
    }, this.refreshInterval);
  }

  /** Loads the list (and the open conversation); `background` announces new conversations. */
  private async refresh(background: boolean): Promise<void> {
    if (!this.client?.token || !this.key) return;
    if (!background) this.listLoad = this.conversations.length ? this.listLoad : 'loading';
    try {
      const list = await this.client.conversations();
      this.conversations = list;
      this.listLoad = 'ready';
      this.updatedAt = clock().now();
      this.announceArrivals(list, background);
      void this.decrypt(list.map((c) => c.first));
    } catch (error) {
      // A relay that stays down is reported once, not at every background refresh.
      if (background && this.listLoad === 'unavailable' && (error as InboxError).kind === 'unavailable') return;
      if (!this.handle(error)) this.listLoad = 'unavailable';
      return;
    }
    if (this.openId) await this.loadConversation(this.openId);
  }

  private announceArrivals(list: ConversationSummary[], announce: boolean): void {
    const fresh = list.filter((c) => c.status === 'new' && (this.seenNew.get(c.id) ?? -1) < c.updatedAt);
    this.seenNew = new Map(list.filter((c) => c.status === 'new').map((c) => [c.id, c.updatedAt]));
    if (!announce || !fresh.length) return;
    const n = fresh.length;
    this.say(() =>
      plural(this.locale, n, {
        one: () => msg(str`${n} conversation with a new message`),
        two: () => msg(str`${n} conversations with new messages`, { id: 'inbox-new.two' }),
        few: () => msg(str`${n} conversations with new messages`, { id: 'inbox-new.few' }),
        many: () => msg(str`${n} conversations with new messages`, { id: 'inbox-new.many' }),
        other: () => msg(str`${n} conversations with new messages`),
      }),
    );
  }

  private async loadConversation(id: string): Promise<void> {
    try {
      const conversation = await this.client!.conversation(id);
      if (this.openId !== id) return;
      this.current = conversation;
      this.currentLoad = 'ready';
      this.itemsChecked = this.openItems(conversation);
      await this.itemsChecked;
    } catch (error) {
      if (this.openId !== id) return;
      const kind = (error as InboxError).kind;
      if (kind === 'not-found') this.currentLoad = 'gone';
      else if (!this.handle(error)) this.currentLoad = 'unavailable';
    }
  }

  /** Decrypts a conversation's items and checks that each holds its place; pins the reply key of its first item. */
  /** What the last check saw: the conversation, its items, their authors and ciphertexts, in order. */
  private checkedSignature = '';

  private async openItems(conversation: Conversation): Promise<void> {
    const key = this.key;
    if (!key) return;
    // The same items in the same order as at the last check (a refresh) give the same answers.
    const signature = `${conversation.id}:${conversation.items.map((item) => `${item.id}/${item.author}/${item.envelope.ct}`).join(',')}`;
    if (signature === this.checkedSignature) return;
    const [, { openConversation }] = await keyModules();
    const result = await openConversation(conversation.items, key);
    if (this.key !== key) return;
    const opened = new Map(this.opened);
    const intact = new Map(this.intact);
    conversation.items.forEach((item, index) => {
      opened.set(item.envelope.ct, result.items[index]!.message);
      intact.set(item.id, result.items[index]!.intact);
    });
    this.opened = opened;
    this.intact = intact;
    this.checkedSignature = signature;
    if (result.replyKey && !this.pinnedReplyKeys.has(conversation.id)) this.pinnedReplyKeys.set(conversation.id, result.replyKey);
    if (this.answeringStopped(conversation)) this.reportError('contact-inbox/unverified', 'A message in this conversation does not hold its place (changed, moved or forged on the relay, or one before it is missing), or its first message changed; answering is stopped.');
  }

  /** Whether a decrypted item fails its check, or the first item's reply key is not the one pinned. */
  private answeringStopped(conversation: Conversation): boolean {
    const first = this.opened.get(conversation.items[0]?.envelope.ct ?? '');
    const pinned = this.pinnedReplyKeys.get(conversation.id);
    const replyKey = first?.kind === 'first-contact' ? first.replyKey : null;
    return (pinned !== undefined && replyKey !== pinned) || conversation.items.some((item) => this.opened.get(item.envelope.ct) && this.intact.get(item.id) === false);
  }

  /** Decrypts envelopes not opened before; the result is kept (in memory) until the inbox is locked. */
  private async decrypt(envelopes: { ct: string }[]): Promise<void> {
    const key = this.key;
    const todo = envelopes.filter((e) => !this.opened.has(e.ct));
    if (!key || !todo.length) return;
    const [, { openEnvelope }] = await keyModules();
    const results = await Promise.all(todo.map(async (e) => [e.ct, await openEnvelope(e as never, key.privateKey)] as const));
    if (this.key !== key) return;
    const opened = new Map(this.opened);
    for (const [ct, plain] of results) opened.set(ct, plain);
    this.opened = opened;
    const failed = results.filter(([, p]) => p === null).length;
    if (failed) this.reportError('contact-inbox/undecryptable', `${failed} message(s) cannot be decrypted with this key: changed, or sealed to another key.`);
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
    if (this.client) this.client.token = null;
    this.stage = 'sign-in';
    this.notice = 'session-ended';
    this.busy = false;
    if (this.send === 'sending') this.send = 'idle';
    this.focusLater('[part=status]');
  }

  // ---- the list ----

  private onFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value as Filter;
  }

  private async openConversation(id: string): Promise<void> {
    this.openId = id;
    this.current = null;
    this.currentLoad = 'loading';
    this.resetConversationState();
    this.focusLater('#conversation-title');
    await this.loadConversation(id);
  }

  private resetConversationState(): void {
    this.replyProblem = null;
    this.send = 'idle';
    this.confirmingDelete = false;
    this.actionFailed = false;
  }

  private backToList(): void {
    const id = this.openId;
    this.openId = null;
    this.current = null;
    this.resetConversationState();
    void this.refresh(false);
    this.focusLater(id && this.conversations.some((c) => c.id === id) ? `[data-id="${id}"]` : '#inbox-title');
  }

  // ---- answering and managing a conversation ----

  private onDraft(event: Event): void {
    const id = this.openId!;
    const text = (event.target as HTMLTextAreaElement).value;
    this.drafts = { ...this.drafts, [id]: text };
    if (this.send === 'sent') this.send = 'idle';
    clearTimeout(this.announceTimer);
    // Announce the count only after a pause in typing, and only near the limit (GOV.UK's character count).
    this.announceTimer = setTimeout(() => {
      this.counterAnnouncement = maxTextLength - text.length < maxTextLength / 10 ? this.localize(() => this.counterText(text)) : '';
    }, 1000);
  }

  private onReplyLanguage(event: Event): void {
    this.replyLanguages = { ...this.replyLanguages, [this.openId!]: (event.target as HTMLSelectElement).value };
  }

  private replyLanguage(first: Plaintext | null): string {
    const chosen = this.replyLanguages[this.openId!];
    if (chosen !== undefined) return chosen;
    if (first?.kind === 'first-contact') return first.language ?? first.formLocale.split('-')[0] ?? '';
    return '';
  }

  private async sendReply(event: Event): Promise<void> {
    event.preventDefault();
    const conversation = this.current;
    const key = this.key;
    if (!conversation || !key || this.send === 'sending') return;
    const text = this.drafts[conversation.id] ?? '';
    this.replyProblem = !text.trim() ? 'empty' : text.length > maxTextLength ? 'too-long' : null;
    if (this.replyProblem) return this.focusLater('.summary');
    this.send = 'sending';
    this.sealFailed = false;
    // The reply key from the first item the team sees, pinned when the conversation was first opened.
    await this.itemsChecked.catch(() => {});
    const first = this.opened.get(conversation.items[0]?.envelope.ct ?? '');
    const replyKey = this.pinnedReplyKeys.get(conversation.id);
    if (first?.kind !== 'first-contact' || !replyKey || this.answeringStopped(conversation)) {
      this.send = 'idle';
      return;
    }
    const language = this.replyLanguage(first) || null;
    const snapshot = JSON.stringify([text, language]);
    try {
      // Sealed once per content: a retry sends the same envelopes under the same idempotency key.
      let pending = this.pending.get(conversation.id);
      if (pending?.snapshot !== snapshot) {
        let sealed;
        try {
          const [, { sealReply }] = await keyModules();
          sealed = await sealReply(key, replyKey, text, language, conversation.items.map((i) => this.opened.get(i.envelope.ct) ?? null));
        } catch (error) {
          this.send = 'failed';
          this.sealFailed = true;
          this.reportError('contact-inbox/encryption-failed', 'The answer could not be encrypted in this browser; nothing was sent, the text is kept.', error);
          this.focusLater('[part=status]');
          return;
        }
        pending = { snapshot, body: { ...sealed, idempotencyKey: newIdempotencyKey() } };
        this.pending.set(conversation.id, pending);
      }
      await this.client!.reply(conversation.id, pending.body as never);
    } catch (error) {
      this.send = 'failed';
      const kind = (error as InboxError).kind;
      if (kind === 'not-found') this.currentLoad = 'gone';
      else if (!this.handle(error)) this.focusLater('[part=status]');
      return;
    }
    this.pending.delete(conversation.id);
    this.drafts = { ...this.drafts, [conversation.id]: '' };
    this.send = 'sent';
    this.say(() => msg('Your answer has been sent.'));
    await this.refresh(false);
  }

  private async setClosed(closed: boolean): Promise<void> {
    const id = this.openId;
    if (!id || this.busy) return;
    this.busy = true;
    this.actionFailed = false;
    try {
      await this.client!.setClosed(id, closed);
      this.say(() => (closed ? msg('The conversation is closed.') : msg('The conversation is open again.')));
      await this.refresh(false);
    } catch (error) {
      if ((error as InboxError).kind === 'not-found') this.currentLoad = 'gone';
      else if (!this.handle(error)) this.actionFailed = true;
    } finally {
      this.busy = false;
    }
  }

  private askDelete(): void {
    this.confirmingDelete = true;
    this.focusLater('#delete-title');
  }

  private cancelDelete(): void {
    this.confirmingDelete = false;
    this.focusLater('#delete');
  }

  private async deleteConversation(): Promise<void> {
    const id = this.openId;
    if (!id || this.busy) return;
    this.busy = true;
    this.actionFailed = false;
    try {
      await this.client!.remove(id);
    } catch (error) {
      this.busy = false;
      const kind = (error as InboxError).kind;
      if (kind === 'not-found') this.currentLoad = 'gone';
      else if (!this.handle(error)) this.actionFailed = true;
      return;
    }
    this.busy = false;
    this.drafts = Object.fromEntries(Object.entries(this.drafts).filter(([key]) => key !== id));
    this.openId = null;
    this.current = null;
    this.resetConversationState();
    this.say(() => msg('The conversation has been deleted.'));
    this.focusLater('#inbox-title');
    await this.refresh(false);
  }

  // ---- helpers ----

  private say(text: () => string): void {
    // Cleared first, so the same sentence twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = this.localize(text);
    });
  }

  private focusLater(selector: string): void {
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      target?.focus();
    });
  }

  private focusField(event: Event, id: string): void {
    // In-page links do not reach into a shadow root; move focus by hand.
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  }

  private counterText(text: string): string {
    const left = maxTextLength - text.length;
    const n = new Intl.NumberFormat(this.locale).format(Math.abs(left));
    if (left < 0) return plural(this.locale, -left, {
      one: () => msg(str`You have ${n} character too many`),
      two: () => msg(str`You have ${n} characters too many`, { id: 'inbox-over.two' }),
      few: () => msg(str`You have ${n} characters too many`, { id: 'inbox-over.few' }),
      many: () => msg(str`You have ${n} characters too many`, { id: 'inbox-over.many' }),
      other: () => msg(str`You have ${n} characters too many`),
    });
    return plural(this.locale, left, {
      one: () => msg(str`You have ${n} character remaining`),
      two: () => msg(str`You have ${n} characters remaining`, { id: 'inbox-left.two' }),
      few: () => msg(str`You have ${n} characters remaining`, { id: 'inbox-left.few' }),
      many: () => msg(str`You have ${n} characters remaining`, { id: 'inbox-left.many' }),
      other: () => msg(str`You have ${n} characters remaining`),
    });
  }

  private date(seconds: number): TemplateResult {
    const at = seconds * 1000;
    const now = clock().now();
    const iso = new Date(at).toISOString();
    const absolute = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    const minutes = Math.round((now - at) / 60_000);
    // Recent activity reads best relatively ("vor 5 Minuten"); older items get their date.
    if (minutes < 0 || minutes >= 7 * 24 * 60) return html`<time datetime=${iso}>${absolute}</time>`;
    const relative = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    const text =
      minutes < 60 ? relative.format(-minutes, 'minute') : minutes < 24 * 60 ? relative.format(-Math.round(minutes / 60), 'hour') : relative.format(-Math.round(minutes / 1440), 'day');
    return html`<time datetime=${iso} title=${absolute}>${text}</time>`;
  }

  private languageName(code: string | null | undefined): string {
    if (!code) return msg('not given');
    try {
      return new Intl.DisplayNames([this.locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  private statusLabel(status: ConversationStatus): string {
    return { new: msg('New'), answered: msg('Answered'), closed: msg('Closed') }[status];
  }

  private topicLabel(id: Topic | null): string {
    if (!id) return msg('not given');
    return {
      work: msg('Changing jobs or leaving sex work'),
      money: msg('Money, benefits or debts'),
      housing: msg('Housing'),
      health: msg('Health and health insurance'),
      residence: msg('Residence and papers'),
      other: msg('Something else'),
    }[id];
  }

  /** How the person can get an answer, when not here; null when they read answers with their code. */
  private noReplyText(first: Opened): string | null {
    if (first?.kind !== 'first-contact') return null;
    if (first.reply.method === 'code') return null;
    // The number or address isolated, so it keeps its order in right-to-left text.
    const reply = first.reply.method === 'none' ? first.reply : { ...first.reply, value: isolate(first.reply.value) };
    if (reply.method === 'phone') return msg(str`No answer here: the person asked for a call at ${reply.value}`);
    if (reply.method === 'email') return msg(str`No answer here: the person asked for an e-mail to ${reply.value}`);
    return msg('No answer here: the person asked for no answer');
  }

  private preview(first: Opened | undefined): string {
    if (first === undefined) return msg('Decrypting…');
    if (first === null) return msg('This message cannot be decrypted with this key.');
    const text = first.text.replace(/\s+/g, ' ').trim();
    if (text.length <= previewLength) return text;
    const cut = text.slice(0, previewLength);
    return `${cut.slice(0, cut.lastIndexOf(' ') > previewLength / 2 ? cut.lastIndexOf(' ') : previewLength)}…`;
  }

  // ---- rendering ----

  private renderSummary(entries: [string, string][]): TemplateResult | typeof nothing {
    if (!entries.length) return nothing;
    return html`<div class="summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="summary-title">
      <h2 id="summary-title">${msg('There is a problem')}</h2>
      <ul>
        ${entries.map(([field, text]) => html`<li><a href="#${field}" @click=${(e: Event) => this.focusField(e, field)}>${text}</a></li>`)}
      </ul>
    </div>`;
  }

  private errorText(field: string, text: string | undefined): TemplateResult | typeof nothing {
    return text ? html`<p class="error" id="${field}-error"><span class="visually-hidden">${msg('Error:')}</span> ${text}</p>` : nothing;
  }

  private signInText(problem: SignInProblem | undefined): string | undefined {
    if (!problem) return undefined;
    return {
      'centre-missing': msg('Enter your centre’s id'),
      'centre-format': msg('Enter the centre id in lower-case letters, digits and hyphens, like beratung-rostock'),
      'credential-missing': msg('Enter the team credential'),
      wrong: msg('The centre id or the team credential is not right. Check both and try again'),
    }[problem];
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const { notice } = this;
    if (!notice) return nothing;
    const text = {
      'session-ended': [msg('Your session has ended'), msg('Please sign in again. Nothing is lost: an answer you were writing is kept.')],
      unavailable: [msg('The relay cannot be reached at the moment'), msg('Please try again in a moment. If it stays like this, tell whoever runs your relay.')],
      'inbox-off': [msg('This relay has no team inbox'), msg('Whoever runs the relay needs to set up team credentials first.')],
      locked: [msg('The inbox is locked'), msg('The key, the session and all decrypted messages have been removed from this browser.')],
    }[notice];
    return html`<div class="box ${notice === 'locked' ? 'done' : notice === 'session-ended' ? '' : 'warning'}" part="status" tabindex="-1" role="status">
      <h3>${text[0]}</h3>
      <p>${text[1]}</p>
    </div>`;
  }

  private renderSignIn(): TemplateResult {
    const p = this.signInProblems;
    const centreError = this.signInText(p.centre);
    const credentialError = this.signInText(p.credential);
    const entries: [string, string][] = [];
    if (centreError) entries.push(['centre', centreError]);
    if (credentialError) entries.push(['credential', credentialError]);
    return html`${this.renderNotice()} ${this.renderSummary(entries)}
      <form part="sign-in" novalidate autocomplete="off" @submit=${this.signIn}>
        <h2 id="sign-in-title" tabindex="-1">${msg('Sign in to the team inbox')}</h2>
        <p class="hint">${msg('Step 1 of 2. After signing in, you open your centre’s private key file.')}</p>
        <div class="group ${centreError ? 'invalid' : ''}">
          <label for="centre">${msg('Centre id')}</label>
          <p class="hint" id="centre-hint">${msg('As in your centre’s public key, for example beratung-rostock.')}</p>
          ${this.errorText('centre', centreError)}
          <input
            id="centre"
            name="centre"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="none"
            .value=${this.centreInput}
            aria-describedby=${['centre-hint', centreError ? 'centre-error' : ''].filter(Boolean).join(' ')}
            aria-invalid=${centreError ? 'true' : 'false'}
            @input=${(e: Event) => (this.centreInput = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="group ${credentialError ? 'invalid' : ''}">
          <label for="credential">${msg('Team credential')}</label>
          <p class="hint" id="credential-hint">${msg('25 characters in groups of five, from whoever runs your relay.')}</p>
          ${this.errorText('credential', credentialError)}
          <input
            id="credential"
            name="credential"
            type="password"
            autocomplete="off"
            spellcheck="false"
            .value=${this.credential}
            aria-describedby=${['credential-hint', credentialError ? 'credential-error' : ''].filter(Boolean).join(' ')}
            aria-invalid=${credentialError ? 'true' : 'false'}
            @input=${(e: Event) => (this.credential = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div role="status">${this.busy ? html`<p>${msg('Signing in…')}</p>` : nothing}</div>
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Sign in')}</button>
          ${this.key ? html`<button type="button" class="secondary" @click=${this.lock}>${msg('Lock and forget the key')}</button>` : nothing}
        </div>
      </form>`;
  }

  private keyProblemText(problem: KeyProblem | undefined): string | undefined {
    if (!problem) return undefined;
    const centre = this.session?.centre ?? '';
    const other = this.keyCentre;
    return {
      'file-missing': msg('Choose the private key file, or paste its content'),
      'passphrase-missing': msg('Enter the passphrase of the key file'),
      'not-a-key-file': msg('This is not a private key file. Choose the file that “wegweiser-relay keygen” made'),
      unsupported: msg('This key file is of a kind this inbox cannot open. Update the inbox, or make a new key'),
      'wrong-passphrase': msg('The passphrase is not right, or the key file was changed. Check the passphrase and try again'),
      damaged: msg('The key file is damaged. Use an unchanged copy of the file'),
      'other-centre': msg(str`This key file belongs to the centre “${other}”. You signed in for “${centre}”. Choose the key file of “${centre}”`),
    }[problem];
  }

  private renderKey(): TemplateResult {
    const fileError = this.keyProblemText(this.keyProblems.file);
    const passError = this.keyProblemText(this.keyProblems.passphrase);
    const entries: [string, string][] = [];
    if (fileError) entries.push(['key-file', fileError]);
    if (passError) entries.push(['passphrase', passError]);
    const opening = this.progress !== null;
    return html`${this.renderSummary(entries)}
      <form part="key" novalidate autocomplete="off" @submit=${this.openKey}>
        <h2 id="key-title" tabindex="-1">${msg('Open the private key')}</h2>
        <p class="hint">
          ${msg(str`Step 2 of 2. Signed in for ${this.session?.centre ?? ''}. The key opens in this browser and stays in its memory only: it is never sent and never stored.`)}
        </p>
        <div class="group ${fileError ? 'invalid' : ''}">
          <label for="key-file">${msg('Private key file')}</label>
          <p class="hint" id="key-file-hint">${msg('The file “wegweiser-relay keygen” made, usually private-key.json.')}</p>
          ${this.errorText('key-file', fileError)}
          <input
            id="key-file"
            type="file"
            accept=".json,application/json"
            aria-describedby=${['key-file-hint', fileError ? 'key-file-error' : ''].filter(Boolean).join(' ')}
            aria-invalid=${fileError ? 'true' : 'false'}
            @change=${this.onKeyFile}
          />
          <label for="key-paste" class="paste-label">${msg('Or paste the content of the key file')}</label>
          <textarea
            id="key-paste"
            rows="3"
            spellcheck="false"
            autocomplete="off"
            .value=${this.keyFileName ? '' : this.keyText}
            ?disabled=${!!this.keyFileName}
            aria-describedby=${fileError ? 'key-file-error' : nothing}
            @input=${(e: Event) => (this.keyText = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="group ${passError ? 'invalid' : ''}">
          <label for="passphrase">${msg('Passphrase of the key file')}</label>
          ${this.errorText('passphrase', passError)}
          <input
            id="passphrase"
            type="password"
            autocomplete="off"
            spellcheck="false"
            .value=${this.passphrase}
            aria-describedby=${passError ? 'passphrase-error' : nothing}
            aria-invalid=${passError ? 'true' : 'false'}
            @input=${(e: Event) => (this.passphrase = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div role="status">
          ${opening
            ? html`<p id="opening">${msg('Opening the key. This takes a few seconds.')}</p>
                <progress aria-labelledby="opening" max="1" .value=${this.progress ?? 0}></progress>`
            : nothing}
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Open the key')}</button>
          <button type="button" class="secondary" @click=${this.lock}>${msg('Sign out')}</button>
        </div>
      </form>`;
  }

  private renderToolbar(): TemplateResult {
    const time = this.updatedAt ? new Intl.DateTimeFormat(this.locale, { timeStyle: 'short' }).format(this.updatedAt) : '';
    return html`<div class="toolbar" part="toolbar">
      <div>
        <h2 id="inbox-title" tabindex="-1">${msg(str`Team inbox: ${this.session?.centre ?? ''}`)}</h2>
        <p class="meta">${time ? msg(str`Updated at ${time}. New messages are looked for every minute.`) : msg('Loading…')}</p>
      </div>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.refresh(false)}>${msg('Refresh')}</button>
        <button type="button" class="secondary" @click=${this.lock}>${msg('Lock')}</button>
      </div>
    </div>
    ${this.key?.demo
      ? html`<p class="box warning"><strong>${msg('DEMO key.')}</strong> ${msg('Its passphrase is public. Never use it for real messages.')}</p>`
      : nothing}`;
  }

  private renderList(): TemplateResult {
    const counts = Object.fromEntries(filters.map((f) => [f, f === 'all' ? this.conversations.length : this.conversations.filter((c) => c.status === f).length])) as Record<Filter, number>;
    const shown = this.filter === 'all' ? this.conversations : this.conversations.filter((c) => c.status === this.filter);
    const label = (f: Filter) => ({ new: msg('New'), answered: msg('Answered'), closed: msg('Closed'), all: msg('All') })[f];
    const empty = { new: msg('No new messages.'), answered: msg('No answered conversations.'), closed: msg('No closed conversations.'), all: msg('No conversations yet.') }[this.filter];
    return html`${this.listLoad === 'unavailable'
        ? html`<div class="box warning" part="status" role="status">
            <h3>${msg('The relay cannot be reached at the moment')}</h3>
            <p>${this.conversations.length ? msg('The list shows the state of the last update.') : msg('Nothing is lost. Try again in a moment.')}</p>
            <button type="button" @click=${() => this.refresh(false)}>${msg('Try again')}</button>
          </div>`
        : nothing}
      <fieldset class="group">
        <legend>${msg('Show')}</legend>
        <div class="filters">
          ${filters.map(
            (f) => html`<div class="choice">
              <input type="radio" id="filter-${f}" name="filter" value=${f} .checked=${this.filter === f} @change=${this.onFilter} />
              <label for="filter-${f}">${label(f)} (${new Intl.NumberFormat(this.locale).format(counts[f])})</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <section part="list" aria-labelledby="list-title">
        <h3 id="list-title">${msg(str`${label(this.filter)}: ${new Intl.NumberFormat(this.locale).format(shown.length)}`)}</h3>
        ${this.listLoad === 'loading' && !this.conversations.length
          ? html`<p role="status">${msg('Loading…')}</p>`
          : shown.length
            ? html`<ul class="conversations">
                ${shown.map((c) => this.renderSummaryItem(c))}
              </ul>`
            : html`<p>${empty}</p>`}
      </section>`;
  }

  private renderSummaryItem(c: ConversationSummary): TemplateResult {
    const first = this.opened.get(c.first.ct);
    const noReply = this.noReplyText(first ?? null);
    const lang = first?.kind === 'first-contact' ? first.formLocale : undefined;
    return html`<li>
      <button type="button" class="open" data-id=${c.id} aria-describedby="meta-${c.id}" @click=${() => this.openConversation(c.id)}>
        <span lang=${ifDefined(lang ?? undefined)} dir="auto">${this.preview(first)}</span>
      </button>
      <p class="meta" id="meta-${c.id}">
        <span class="badge ${c.status}">${this.statusLabel(c.status)}</span>
        · ${this.date(c.updatedAt)} ·
        ${plural(this.locale, c.itemCount, {
          one: () => msg(str`${c.itemCount} message`),
          two: () => msg(str`${c.itemCount} messages`, { id: 'inbox-items.two' }),
          few: () => msg(str`${c.itemCount} messages`, { id: 'inbox-items.few' }),
          many: () => msg(str`${c.itemCount} messages`, { id: 'inbox-items.many' }),
          other: () => msg(str`${c.itemCount} messages`),
        })}
        ${noReply ? html`· <span class="no-reply">${noReply}</span>` : nothing}
      </p>
    </li>`;
  }

  private renderItem(item: Conversation['items'][number]): TemplateResult {
    const plain = this.opened.get(item.envelope.ct);
    const who = item.author === 'person' ? msg('The person wrote') : msg('Your team answered');
    let body: TemplateResult;
    if (plain === undefined) body = html`<p>${msg('Decrypting…')}</p>`;
    else if (plain === null) body = html`<p class="box warning">${msg('This message cannot be decrypted with this key. It may have been changed, or sealed to another key.')}</p>`;
    else if (plain.kind === 'first-contact') {
      const how = this.noReplyText(plain) ?? msg('Here, with the code the person was given');
      body = html`<p class="text" lang=${plain.formLocale} dir="auto">${plain.text}</p>
        <dl>
          <dt>${msg('Topic')}</dt>
          <dd>${this.topicLabel(plain.topic)}</dd>
          <dt>${msg('Language for the answer')}</dt>
          <dd>${this.languageName(plain.language)}</dd>
          <dt>${msg('Language of the form')}</dt>
          <dd>${this.languageName(plain.formLocale)}</dd>
          <dt>${msg('How to answer')}</dt>
          <dd>${how}</dd>
        </dl>`;
    } else if (plain.kind === 'follow-up') body = html`<p class="text" lang=${plain.formLocale} dir="auto">${plain.text}</p>`;
    else body = html`<p class="text" lang=${ifDefined(plain.language ?? undefined)} dir="auto">${plain.text}</p>`;
    const unverified = plain && this.intact.get(item.id) === false;
    return html`<li class="item ${item.author}">
      <h4>${msg(html`${who}, ${this.date(item.at)}`, { desc: 'Who wrote a message, then when: "The person wrote, 5 minutes ago". Write the comma as your language does.' })}</h4>
      ${unverified
        ? html`<p class="box warning">
            ${msg('This message could not be checked. It may have been changed, moved or forged on the relay, or a message before it is missing. Do not rely on it.')}
          </p>`
        : nothing}
      ${body}
    </li>`;
  }

  private renderConversation(): TemplateResult {
    const c = this.current;
    const gone = this.currentLoad === 'gone';
    // One heading in one place for every state, so that the focus put on it survives loading.
    const title = gone
      ? msg('This conversation no longer exists')
      : c
        ? msg(str`Conversation from ${new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(c.createdAt * 1000)}`)
        : msg('Conversation');
    return html`<section part="conversation" aria-labelledby="conversation-title">
      <div class="actions"><button type="button" class="secondary" @click=${this.backToList}>${msg('Back to the list')}</button></div>
      <h3 id="conversation-title" tabindex="-1">${title}</h3>
      ${gone ? this.renderGone() : c ? this.renderItems(c) : this.renderConversationLoading()}
    </section>`;
  }

  private renderGone(): TemplateResult {
    const draft = this.drafts[this.openId!] ?? '';
    return html`<div class="box" part="status" role="status">
      <p>${msg('Someone in your team may have deleted it, or it was deleted after the retention period.')}</p>
      ${draft
        ? html`<p>${msg('Your answer was not sent. Here is its text, so that you can copy it:')}</p>
            <label for="orphan" class="visually-hidden">${msg('Your unsent answer')}</label>
            <textarea id="orphan" readonly .value=${draft}></textarea>`
        : nothing}
    </div>`;
  }

  private renderConversationLoading(): TemplateResult {
    return this.currentLoad === 'unavailable'
      ? html`<div class="box warning" part="status" role="status">
          <p>${msg('The relay cannot be reached at the moment. Nothing is lost.')}</p>
          <button type="button" @click=${() => this.openId && this.loadConversation(this.openId)}>${msg('Try again')}</button>
        </div>`
      : html`<p role="status">${msg('Loading…')}</p>`;
  }

  private renderItems(c: Conversation): TemplateResult {
    const first = this.opened.get(c.items[0]?.envelope.ct ?? '') ?? null;
    return html`<p class="meta"><span class="badge ${c.status}">${this.statusLabel(c.status)}</span></p>
      ${this.currentLoad === 'unavailable'
        ? html`<p class="box warning" role="status">${msg('The relay cannot be reached at the moment. This shows the state of the last update.')}</p>`
        : nothing}
      <ol class="items">
        ${c.items.map((i) => this.renderItem(i))}
      </ol>
      ${this.renderReply(c, first)} ${this.renderManage(c)}`;
  }

  private renderReply(c: Conversation, first: Opened): TemplateResult | typeof nothing {
    if (!c.canReply || first?.kind !== 'first-contact' || !first.replyKey) {
      const why = this.noReplyText(first);
      return html`<p class="box">${why ?? msg('This conversation cannot be answered here.')}</p>`;
    }
    if (this.answeringStopped(c)) {
      return html`<p class="box warning">
        ${msg('Answering is stopped: this conversation could not be checked, so an answer might not reach the person who wrote. Tell whoever runs the relay.')}
      </p>`;
    }
    const text = this.drafts[c.id] ?? '';
    const left = maxTextLength - text.length;
    const problem = this.replyProblem
      ? this.replyProblem === 'empty'
        ? msg('Enter your answer')
        : msg(str`Your answer must be ${new Intl.NumberFormat(this.locale).format(maxTextLength)} characters or fewer`)
      : undefined;
    const language = this.replyLanguage(first);
    const sending = this.send === 'sending';
    return html`${this.renderSummary(problem ? [['reply', problem]] : [])}
      <form part="reply" novalidate autocomplete="off" @submit=${this.sendReply}>
        <h3>${msg('Answer')}</h3>
        <div class="group ${problem ? 'invalid' : ''}">
          <label for="reply">${msg('Your answer')}</label>
          <p class="hint" id="reply-hint">
            ${msg('Encrypted in this browser for the person, who reads it with their code, and for your team. The relay cannot read it.')}
          </p>
          ${this.errorText('reply', problem)}
          <textarea
            id="reply"
            rows="6"
            .value=${text}
            lang=${ifDefined(language || undefined)}
            aria-describedby=${['reply-hint', 'reply-counter', problem ? 'reply-error' : ''].filter(Boolean).join(' ')}
            aria-invalid=${problem ? 'true' : 'false'}
            @input=${this.onDraft}
          ></textarea>
          <p class="counter ${left < 0 ? 'over' : ''}" id="reply-counter">${this.counterText(text)}</p>
          <p class="visually-hidden" aria-live="polite">${this.counterAnnouncement}</p>
        </div>
        <div class="group">
          <label for="reply-language">${msg('Language of your answer')}</label>
          <select id="reply-language" .value=${language} @change=${this.onReplyLanguage}>
            <option value="" ?selected=${!language}>${msg('Not given')}</option>
            ${answerLanguages.map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${language === code}>${name}</option>`)}
          </select>
        </div>
        <div role="status">
          ${sending ? html`<p>${msg('Encrypting and sending your answer…')}</p>` : nothing}
          ${this.send === 'sent' ? html`<p class="box done">${msg('Your answer has been sent.')}</p>` : nothing}
        </div>
        ${this.send === 'failed'
          ? html`<div class="box warning" part="status" tabindex="-1">
              <h4>${msg('Your answer has not been sent yet')}</h4>
              <p>
                ${this.sealFailed
                  ? msg('Your text is still here. Nothing is lost. It could not be encrypted in this browser; try again.')
                  : msg('Your text is still here. Nothing is lost. The relay cannot be reached at the moment; try again in a moment.')}
              </p>
            </div>`
          : nothing}
        <div class="actions">
          <button type="submit" aria-disabled=${sending ? 'true' : 'false'}>${this.send === 'failed' ? msg('Try again') : msg('Send answer')}</button>
        </div>
      </form>`;
  }

  private renderManage(c: Conversation): TemplateResult {
    const closed = c.status === 'closed';
    return html`<div class="group">
      <h3>${msg('Manage')}</h3>
      ${this.actionFailed
        ? html`<p class="box warning" role="status">${msg('That did not work: the relay cannot be reached at the moment. Try again in a moment.')}</p>`
        : nothing}
      ${this.confirmingDelete
        ? html`<div class="box warning" role="group" aria-labelledby="delete-title">
            <h4 id="delete-title" tabindex="-1">${msg('Delete this conversation for good?')}</h4>
            <p>${msg('Every message and answer in it is deleted at the relay, for the whole team and for the person. This cannot be undone.')}</p>
            <div class="actions">
              <button type="button" class="danger" id="confirm-delete" @click=${this.deleteConversation}>${msg('Yes, delete for good')}</button>
              <button type="button" class="secondary" @click=${this.cancelDelete}>${msg('Cancel')}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button type="button" class="secondary" id="close" @click=${() => this.setClosed(!closed)}>
              ${closed ? msg('Open the conversation again') : msg('Close the conversation')}
            </button>
            <button type="button" class="secondary" id="delete" @click=${this.askDelete}>${msg('Delete the conversation')}</button>
          </div>`}
    </div>`;
  }

  protected override render(): TemplateResult {
    let body: TemplateResult;
    if (this.stage === 'misconfigured') {
      body = html`<div class="box" role="status">
        <h2>${msg('The team inbox is not set up correctly')}</h2>
        <p>${msg('The address of the relay is missing or wrong. Whoever looks after this page can find the details in the browser console.')}</p>
      </div>`;
    } else if (this.stage === 'sign-in') body = this.renderSignIn();
    else if (this.stage === 'key') body = this.renderKey();
    else body = html`${this.renderToolbar()} ${this.openId ? this.renderConversation() : this.renderList()}`;
    return html`<div lang=${this.locale} dir=${this.localeDir}>
      ${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
