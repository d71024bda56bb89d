/**
 * What the team inbox knows and does apart from showing it: the relay client and the
 * session, the centre's keys (opened from the key file, zeroed when forgotten), the
 * conversations and what was decrypted of them, the checks that pin a conversation's
 * reply key, and answers sealed once and sent until the relay has them.
 *
 * `<ww-contact-inbox>` holds one and turns its answers into what it shows, says and
 * focuses. No DOM and no Lit here, so that it is tested under node:test
 * (test/inbox-session.node.test.ts); everything stays in memory and is gone with the page.
 */
import { InboxClient, newIdempotencyKey, type Conversation, type ConversationSummary } from './inbox-client.js';
import type { OpenedKey } from './key-file.js';
import type { Plaintext } from './messages.js';
import type { Opened } from './inbox-state.js';
import type { SealedBlob } from '@wegweiser/contact-form/attachment-blobs';

/** A file added to an answer, as the contact form's picker hands it over: cleaned, in memory. */
export interface AnswerFile {
  readonly id: string;
  readonly name: string;
  readonly type: 'image/jpeg' | 'image/png' | 'application/pdf';
  readonly bytes: Uint8Array;
}

/** The key file's and the envelopes' code: loaded with the key, not with the element. */
const keyModules = () => Promise.all([import('./key-file.js'), import('./messages.js')]);

/** What `InboxSession` tells whoever holds it. */
export interface InboxSessionOptions {
  /** Something a view shows has changed (a message decrypted, a check done). */
  changed(): void;
  /** A problem for whoever looks after the page (the element's `ww-error`). */
  report(code: 'contact-inbox/undecryptable' | 'contact-inbox/unverified', message: string): void;
}

/** Why a key file that opened is not taken: it belongs to another centre, or (an earlier key) it is open already. */
export type KeyRefusal = { refused: 'other-centre'; centre: string } | { refused: 'already-open' } | null;

/** The answer could not be encrypted in this browser: nothing was sent, the text is kept. */
export class AnswerNotSealedError extends Error {
  override name = 'AnswerNotSealedError';
}

/**
 * The sealed answer a conversation waits to send: the same envelopes under the same idempotency
 * key until the relay has them (`stored`), then its files' blobs, each dropped once the relay has it.
 */
interface PendingAnswer {
  snapshot: string;
  body: { toPerson: unknown; toCentre: unknown; idempotencyKey: string; blobs?: { id: string; size: number; sha256: string }[] };
  stored: boolean;
  blobs: SealedBlob[];
}

export class InboxSession {
  client: InboxClient | null = null;
  /** The centre signed in for, and when the session ends (Unix seconds). */
  signedIn: { centre: string; expiresAt: number } | null = null;
  key: OpenedKey | null = null;
  /** The centre's earlier keys, opened beside `key` after a key change (docs/network.md): they read what was sealed to them; answers use `key`. */
  olderKeys: OpenedKey[] = [];
  conversations: ConversationSummary[] = [];
  /** Envelope ciphertext → its plaintext (null: it does not open), kept until the inbox is locked. */
  opened = new Map<string, Opened>();
  /** Item id → whether it holds its place in its conversation (messages.ts `openConversation`). */
  intact = new Map<string, boolean>();
  /** Conversation id → the reply key its first item gave when the team first opened it; answers go only to it. */
  private pinnedReplyKeys = new Map<string, string>();
  /** What the last check saw: the conversation, its items, their authors and ciphertexts, in order. */
  private checkedSignature = '';
  /** The check of the open conversation's items; an answer waits for it (the preview may be shown before). */
  private itemsChecked: Promise<void> = Promise.resolve();
  private pending = new Map<string, PendingAnswer>();
  /** The "new" conversations at the last load (id → last activity), to count what arrived since. */
  private seenNew = new Map<string, number>();

  constructor(private readonly options: InboxSessionOptions) {}

  /** Every open key of the centre: the current one first, then earlier ones. */
  get keys(): OpenedKey[] {
    return this.key ? [this.key, ...this.olderKeys] : [];
  }

  /** Talks to `relay` from now on; another relay than before forgets everything (true then). */
  useRelay(relay: string): boolean {
    if (this.client?.relay === relay) return false;
    this.forget();
    this.client = new InboxClient(relay);
    return true;
  }

  /** Forgets the key (its bytes zeroed), the session, the decrypted messages and unsent answers. */
  forget(): void {
    this.key?.privateKey.fill(0);
    this.key = null;
    for (const older of this.olderKeys) older.privateKey.fill(0);
    this.olderKeys = [];
    this.signedIn = null;
    if (this.client) this.client.token = null;
    this.opened = new Map();
    this.intact = new Map();
    this.checkedSignature = '';
    this.pinnedReplyKeys.clear();
    this.pending.clear();
    this.conversations = [];
    this.seenNew.clear();
  }

  /**
   * Signs in (an InboxError when the relay refuses or cannot be reached). A key
   * still open for another centre is forgotten; the new session is kept.
   */
  async signIn(centre: string, credential: string): Promise<'team' | 'coordinator'> {
    const answer = await this.client!.signIn(centre, credential);
    if (this.key && this.key.centre !== centre) {
      this.forget();
      this.client!.token = answer.token;
    }
    this.signedIn = { centre, expiresAt: answer.expiresAt };
    if (answer.role === 'coordinator') {
      // The network's coordination office: the figures, no key and no conversations.
      this.forgetKeys();
      return 'coordinator';
    }
    return 'team';
  }

  private forgetKeys(): void {
    this.key?.privateKey.fill(0);
    this.key = null;
    for (const older of this.olderKeys) older.privateKey.fill(0);
    this.olderKeys = [];
  }

  /** The session ended at the relay (expired, or signed out elsewhere): the key, the conversations and unsent answers stay. */
  sessionEnded(): void {
    if (this.client) this.client.token = null;
  }

  /** Forgets everything and asks the relay to end the session (its token is already forgotten here). */
  async lock(): Promise<void> {
    const client = this.client;
    const token = client?.token ?? null;
    this.forget();
    if (client && token) await new InboxClient(client.relay, token).signOut().catch(() => {});
  }

  /**
   * Opens a key file of the signed-in centre, as the key (`asOlderKey`: beside it,
   * an earlier one). Throws a KeyFileError when the file does not open; a refusal
   * says why a key that opened is not taken (its bytes are zeroed then).
   */
  async openKey(keyText: string, passphrase: string, asOlderKey: boolean, progress: (fraction: number) => void): Promise<KeyRefusal> {
    const [{ openKeyFile }] = await keyModules();
    const key = await openKeyFile(keyText, passphrase, progress);
    if (key.centre !== this.signedIn?.centre) {
      key.privateKey.fill(0);
      return { refused: 'other-centre', centre: key.centre };
    }
    if (asOlderKey && this.key) {
      if (this.keys.some((open) => open.publicKey.kid === key.publicKey.kid)) {
        key.privateKey.fill(0);
        return { refused: 'already-open' };
      }
      this.olderKeys = [...this.olderKeys, key];
      // What could not be opened before is tried again, now with this key too.
      this.opened = new Map([...this.opened].filter(([, plain]) => plain !== null));
      this.checkedSignature = '';
      return null;
    }
    this.key = key;
    return null;
  }

  /**
   * Loads the list (an InboxError when it cannot) and starts decrypting the first
   * messages. Returns how many "new" conversations arrived or changed since the last load.
   */
  async loadList(): Promise<number> {
    const list = await this.client!.conversations();
    this.conversations = list;
    const fresh = list.filter((c) => c.status === 'new' && (this.seenNew.get(c.id) ?? -1) < c.updatedAt);
    this.seenNew = new Map(list.filter((c) => c.status === 'new').map((c) => [c.id, c.updatedAt]));
    void this.decrypt(list.map((c) => c.first));
    return fresh.length;
  }

  /** Loads one conversation (an InboxError when it cannot), then decrypts and checks its items. */
  async loadConversation(id: string, stillWanted: () => boolean): Promise<Conversation | null> {
    const conversation = await this.client!.conversation(id);
    if (!stillWanted()) return null;
    this.itemsChecked = this.checkItems(conversation);
    return conversation;
  }

  /** Resolves when the last loaded conversation's items are decrypted and checked. */
  get checked(): Promise<void> {
    return this.itemsChecked;
  }

  /** Decrypts a conversation's items and checks that each holds its place; pins the reply key of its first item. */
  private async checkItems(conversation: Conversation): Promise<void> {
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
    this.options.changed();
    if (this.answeringStopped(conversation)) {
      this.options.report('contact-inbox/unverified', 'A message in this conversation does not hold its place (changed, moved or forged on the relay, or one before it is missing), or its first message changed; answering is stopped.');
    }
  }

  /** The decrypted first item of a conversation (undefined: not yet tried; null: it does not open). */
  firstOf(conversation: Conversation): Opened | undefined {
    return this.opened.get(conversation.items[0]?.envelope.ct ?? '');
  }

  /** Whether a decrypted item fails its check, or the first item's reply key is not the one pinned. */
  answeringStopped(conversation: Conversation): boolean {
    const first = this.firstOf(conversation);
    const pinned = this.pinnedReplyKeys.get(conversation.id);
    const replyKey = first?.kind === 'first-contact' ? first.replyKey : null;
    return (pinned !== undefined && replyKey !== pinned) || conversation.items.some((item) => this.opened.get(item.envelope.ct) && this.intact.get(item.id) === false);
  }

  /** Decrypts envelopes not opened before; the result is kept (in memory) until the inbox is locked. */
  private async decrypt(envelopes: { ct: string }[]): Promise<void> {
    const key = this.key;
    const todo = envelopes.filter((envelope) => !this.opened.has(envelope.ct));
    if (!key || !todo.length) return;
    const [, { openEnvelope, keyFor }] = await keyModules();
    // Locked while the code loaded: nothing to open with.
    if (this.key !== key) return;
    const keys = this.keys;
    const results = await Promise.all(todo.map(async (envelope) => [envelope.ct, await openEnvelope(envelope as never, keyFor(keys, envelope as never).privateKey)] as const));
    if (this.key !== key) return;
    const opened = new Map(this.opened);
    for (const [ciphertext, plain] of results) opened.set(ciphertext, plain);
    this.opened = opened;
    this.options.changed();
    const failed = results.filter(([, plain]) => plain === null).length;
    if (failed) this.options.report('contact-inbox/undecryptable', `${failed} message(s) cannot be decrypted with this key: changed, or sealed to another key.`);
  }

  /**
   * Seals the answer and its files (once per content: a retry sends the same envelopes
   * under the same idempotency key, and the same blobs) and sends it, then the files one
   * after another. `stopped`: the conversation may not be answered (no reply key, or its
   * check failed). Throws AnswerNotSealedError when encryption fails here, an InboxError
   * when the relay does not take it; what the relay has by then is not sent again.
   */
  async sendReply(conversation: Conversation, text: string, language: string | null, files: readonly AnswerFile[] = []): Promise<'sent' | 'stopped'> {
    const key = this.key;
    // The reply key from the first item the team sees, pinned when the conversation was first opened.
    await this.itemsChecked.catch(() => {});
    const first = this.firstOf(conversation);
    const replyKey = this.pinnedReplyKeys.get(conversation.id);
    if (!key || first?.kind !== 'first-contact' || !replyKey || this.answeringStopped(conversation)) return 'stopped';
    const snapshot = JSON.stringify([text, language, files.map((file) => file.id)]);
    let pending = this.pending.get(conversation.id);
    // An answer the relay has stored is finished as it was (its files uploaded), whatever was typed since.
    if (pending?.snapshot !== snapshot && !pending?.stored) {
      let sealed;
      let attached;
      try {
        const [, { sealReply }] = await keyModules();
        // The files' encryption loads only for an answer with files (format version 3).
        if (files.length) attached = await (await import('@wegweiser/contact-form/attachment-blobs')).sealAttachments(key.centre, files);
        sealed = await sealReply(key, replyKey, text, language, conversation.items.map((item) => this.opened.get(item.envelope.ct) ?? null), attached);
      } catch (error) {
        throw new AnswerNotSealedError('The answer could not be encrypted in this browser; nothing was sent, the text is kept.', { cause: error });
      }
      const blobs = attached?.blobs ?? [];
      const declared = blobs.length ? { blobs: blobs.map(({ id, size, sha256 }) => ({ id, size, sha256 })) } : {};
      pending = { snapshot, body: { ...sealed, idempotencyKey: newIdempotencyKey(), ...declared }, stored: false, blobs };
      this.pending.set(conversation.id, pending);
    }
    if (!pending.stored) {
      await this.client!.reply(conversation.id, pending.body as never);
      pending.stored = true;
    }
    // Then the files; a failure keeps the rest for the retry.
    while (pending.blobs.length) {
      await this.client!.uploadBlob(pending.blobs[0]!);
      pending.blobs.shift();
    }
    this.pending.delete(conversation.id);
    return 'sent';
  }

  /** The language an answer is written in unless the team chose another: the one the person asked for, else their form's. */
  static suggestedLanguage(first: Plaintext | null | undefined): string {
    if (first?.kind === 'first-contact') return first.language ?? first.formLocale.split('-')[0] ?? '';
    return '';
  }
}
