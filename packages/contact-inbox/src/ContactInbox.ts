import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { WegweiserElement, clock, registerMessages, plural } from '@wegweiser/core';
import { refusedUrlMessage, safeUrl, urlRules } from '@wegweiser/core/safe-url';
import { Announcer } from '@wegweiser/core/announcer';
import { PageVisibility } from '@wegweiser/core/visibility';
import { contactStyles } from '@wegweiser/contact-form/styles';
import { centrePattern, maxTextLength } from '@wegweiser/contact-form/format';
import { InboxClient, InboxError, newIdempotencyKey, type Conversation, type ConversationSummary, type InboxErrorKind } from './inbox-client.js';
import type { OpenedKey, KeyFileProblem } from './key-file.js';
import { AttachmentFiles } from '@wegweiser/contact-form/attachment-files';
import type { Plaintext } from './messages.js';
import type { Filter, KeyProblem, Load, Notice, Opened, ReplyProblem, Send, SignInProblem, Stage } from './inbox-state.js';
import { inboxStyles } from './contact-inbox.styles.js';
import { characterCountAnnouncement, focusAfterUpdate } from '@wegweiser/contact-form/form-feedback';
import { keyView, signInView } from './sign-in-view.js';
import { listView, toolbarView } from './conversation-list-view.js';
import { conversationView } from './conversation-view.js';
import { figuresView } from './figures-view.js';
import { catalogue } from './generated/catalogue.js';

registerMessages('@wegweiser/contact-inbox', catalogue);

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
  /** @internal */ @state() busy = false;
  /** @internal */ @state() centreInput = '';
  /** @internal */ @state() credential = '';
  /** @internal */ @state() signInProblems: Partial<Record<'centre' | 'credential', SignInProblem>> = {};
  /** @internal */ @state() keyText = '';
  /** @internal */ @state() keyFileName = '';
  /** @internal */ @state() passphrase = '';
  /** @internal */ @state() keyProblems: Partial<Record<'file' | 'passphrase', KeyProblem>> = {};
  /** @internal */ @state() keyCentre = '';
  /** @internal */ @state() progress: number | null = null;
  /** @internal */ @state() conversations: ConversationSummary[] = [];
  /** @internal */ @state() listLoad: Load = 'loading';
  /** @internal */ @state() filter: Filter = 'new';
  /** @internal */ @state() updatedAt = 0;
  /** @internal */ @state() openId: string | null = null;
  /** @internal */ @state() current: Conversation | null = null;
  /** @internal */ @state() currentLoad: Load = 'loading';
  /** @internal */ @state() drafts: Record<string, string> = {};
  @state() private replyLanguages: Record<string, string> = {};
  /** @internal */ @state() replyProblem: ReplyProblem | null = null;
  /** @internal */ @state() send: Send = 'idle';
  /** @internal With `send` failed: whether encryption failed in this browser (rather than the relay). */
  @state() sealFailed = false;
  /** @internal */ @state() confirmingDelete = false;
  /** @internal Whether the team looks at its figures instead of the conversations (figures-view.ts). */
  @state() figuresShown = false;
  /** @internal */ @state() actionFailed = false;
  private readonly announcer = new Announcer(this);
  /** @internal The answer's character count, read out after a pause in typing, near the limit. */
  readonly counterAnnouncer = new Announcer(this);
  /** @internal */ @state() opened = new Map<string, Opened>();
  /** @internal Item id → whether it holds its place in its conversation (messages.ts `openConversation`). */
  @state() intact = new Map<string, boolean>();
  /** Conversation id → the reply key its first item gave when the team first opened it; answers go only to it. */
  private pinnedReplyKeys = new Map<string, string>();
  /** The check of the open conversation's items; an answer waits for it (the preview may be shown before). */
  private itemsChecked: Promise<void> = Promise.resolve();

  private client: InboxClient | null = null;
  /** @internal The open conversation's files (issue 23), decrypted here and forgotten when it closes. */
  readonly attachmentFiles = new AttachmentFiles(this, {
    conversation: () => (this.key ? this.openId : null),
    centre: () => this.key?.centre ?? null,
    fetchBlob: (id) => this.client!.blob(id),
  });
  /** @internal */ session: { centre: string; expiresAt: number } | null = null;
  /** @internal */ key: OpenedKey | null = null;
  /**
   * @internal The centre's earlier keys, opened beside `key` after a key change
   * (docs/network.md): they read what was sealed to them; answers use `key`.
   */
  olderKeys: OpenedKey[] = [];
  /** @internal Whether the key form opens an earlier key beside the open one. */
  addingOlderKey = false;
  private pending = new Map<string, { snapshot: string; body: { toPerson: unknown; toCentre: unknown; idempotencyKey: string } }>();
  private refreshTimer: number | undefined;
  /** The "new" conversations at the last refresh (id → last activity), to announce what arrived since. */
  private seenNew = new Map<string, number>();
  private readonly visibility = new PageVisibility(this, () => {
    if (this.stage === 'inbox') void this.refresh(true);
  });

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
    for (const older of this.olderKeys) older.privateKey.fill(0);
    this.olderKeys = [];
    this.addingOlderKey = false;
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
    try {
      const session = await this.client!.signIn(centre, this.credential);
      this.session = { centre, expiresAt: session.expiresAt };
      this.credential = '';
      this.notice = null;
      if (session.role === 'coordinator') {
        // The network's coordination office: the figures, no key and no conversations.
        this.busy = false;
        this.key = null;
        this.stage = 'figures';
        return;
      }
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
      if (this.addingOlderKey && this.key) {
        if (this.keys.some((open) => open.publicKey.kid === key.publicKey.kid)) {
          key.privateKey.fill(0);
          this.keyProblems = { file: 'already-open' };
          return this.focusLater('.summary');
        }
        this.olderKeys = [...this.olderKeys, key];
        this.passphrase = this.keyText = this.keyFileName = '';
        this.closeOlderKeyForm();
        // What could not be opened before is tried again, now with this key too.
        this.opened = new Map([...this.opened].filter(([, plain]) => plain !== null));
        this.checkedSignature = '';
        await this.refresh(false);
        return;
      }
      this.key = key;
      this.passphrase = this.keyText = this.keyFileName = '';
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

  /** Every open key of the centre: the current one first, then earlier ones. */
  /** @internal */ get keys(): OpenedKey[] {
    return this.key ? [this.key, ...this.olderKeys] : [];
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
      if (this.stage === 'inbox' && this.visibility.visible && !this.busy && this.send !== 'sending') void this.refresh(true);
      this.scheduleRefresh();
    }, this.refreshInterval);
  }

  /** Loads the list (and the open conversation); `background` announces new conversations. */
  /** @internal */ async refresh(background: boolean): Promise<void> {
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

  /** @internal */ async loadConversation(id: string): Promise<void> {
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
    const result = await openConversation(conversation.items, this.keys);
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
  /** @internal */ answeringStopped(conversation: Conversation): boolean {
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
    const [, { openEnvelope, keyFor }] = await keyModules();
    const keys = this.keys;
    const results = await Promise.all(todo.map(async (e) => [e.ct, await openEnvelope(e as never, keyFor(keys, e as never).privateKey)] as const));
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
    this.send = 'idle';
    this.confirmingDelete = false;
    this.actionFailed = false;
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
    if (this.send === 'sent') this.send = 'idle';
    // Announce the count only after a pause in typing, and only near the limit (GOV.UK's character count).
    this.counterAnnouncer.sayAfterPause(() => this.localize(() => characterCountAnnouncement(this.locale, text.length)));
  }

  /** @internal */ onReplyLanguage(event: Event): void {
    this.replyLanguages = { ...this.replyLanguages, [this.openId!]: (event.target as HTMLSelectElement).value };
  }

  /** @internal */ replyLanguage(first: Plaintext | null): string {
    const chosen = this.replyLanguages[this.openId!];
    if (chosen !== undefined) return chosen;
    if (first?.kind === 'first-contact') return first.language ?? first.formLocale.split('-')[0] ?? '';
    return '';
  }

  /** @internal */ async sendReply(event: Event): Promise<void> {
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

  /** @internal */ async setClosed(closed: boolean): Promise<void> {
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

  /** @internal */ askDelete(): void {
    this.confirmingDelete = true;
    this.focusLater('#delete-title');
  }

  /** @internal */ cancelDelete(): void {
    this.confirmingDelete = false;
    this.focusLater('#delete');
  }

  /** @internal */ async deleteConversation(): Promise<void> {
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
