/**
 * The inbox's requests to the relay's `/v1/inbox/*` API, and nothing else:
 * no cookies (the session token goes in the Authorization header and lives
 * in the element's memory), no referrer, no cache. No DOM here.
 */
import type { Envelope } from '@wegweiser/contact-form/envelope';
import type { BlobDeclaration } from '@wegweiser/contact-form/attachment-blobs';
import type { NetworkFiguresAnswer, TeamFiguresAnswer } from './figures.js';

export type ConversationStatus = 'new' | 'answered' | 'closed';

/** One conversation in the list (the relay's ConversationSummary). */
export interface ConversationSummary {
  id: string;
  centre: string;
  status: ConversationStatus;
  /** Unix seconds, to the minute. */
  createdAt: number;
  updatedAt: number;
  itemCount: number;
  /** Whether the person has a code, so the team can answer here. */
  canReply: boolean;
  /** The person's first message, for the centre. */
  first: Envelope;
}

export interface ConversationItem {
  id: string;
  author: 'person' | 'centre';
  at: number;
  envelope: Envelope;
}

export interface Conversation extends ConversationSummary {
  items: ConversationItem[];
}

/**
 * What went wrong, as the element acts on it: `signed-out` (sign in again),
 * `sign-in-failed` (wrong centre or credential), `not-found` (deleted by
 * someone else), `unavailable` (network, relay or database down, rate limit:
 * try again), `inbox-off` (the relay has no team credentials), `refused`
 * (anything else: a bug or a misconfiguration; trying again will not help).
 */
export type InboxErrorKind = 'signed-out' | 'sign-in-failed' | 'not-found' | 'unavailable' | 'inbox-off' | 'refused';

export class InboxError extends Error {
  override name = 'InboxError';
  constructor(
    readonly kind: InboxErrorKind,
    readonly status: number,
    readonly code: string,
  ) {
    super(`The relay answered ${status || 'nothing'} (${code}).`);
  }
}

const init: RequestInit = { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' };

function kindOf(status: number, code: string): InboxErrorKind {
  if (code === 'signed-out' || (status === 401 && code !== 'sign-in-failed')) return 'signed-out';
  if (code === 'sign-in-failed') return 'sign-in-failed';
  if (code === 'inbox-off') return 'inbox-off';
  if (status === 404) return 'not-found';
  if (status === 429 || status >= 500 || status === 0) return 'unavailable';
  return 'refused';
}

export class InboxClient {
  /** `relay`: the relay's base URL (absolute). `token`: the session, once signed in. */
  constructor(
    readonly relay: string,
    public token: string | null = null,
  ) {}

  private url(path: string): string {
    return new URL(path, this.relay.endsWith('/') ? this.relay : `${this.relay}/`).href;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(this.url(path), { ...init, method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      // Offline, relay down, or a CORS refusal: indistinguishable in the browser.
      throw new InboxError('unavailable', 0, 'network');
    }
    let data: unknown = null;
    try {
      data = await response.json();
    } catch {
      /* not JSON: a proxy's error page */
    }
    if (!response.ok) {
      const code = String((data as { error?: unknown } | null)?.error ?? 'unknown');
      throw new InboxError(kindOf(response.status, code), response.status, code);
    }
    if (data === null || typeof data !== 'object') throw new InboxError('refused', response.status, 'not-json');
    return data as T;
  }

  /** `role`: `coordinator` for the network's coordination office, which reads the figures only (a relay before issue 22 sends none: a team). */
  async signIn(centre: string, credential: string): Promise<{ token: string; expiresAt: number; role?: 'team' | 'coordinator' }> {
    const session = await this.call<{ token: string; expiresAt: number; role?: 'team' | 'coordinator' }>('POST', 'v1/inbox/sessions', { centre, credential });
    this.token = session.token;
    return session;
  }

  /** Ends the session at the relay; forgets the token even when the relay cannot be reached. */
  async signOut(): Promise<void> {
    if (!this.token) return;
    try {
      await this.call('DELETE', 'v1/inbox/sessions/current');
    } finally {
      this.token = null;
    }
  }

  async conversations(): Promise<ConversationSummary[]> {
    const { conversations } = await this.call<{ conversations?: ConversationSummary[] }>('GET', 'v1/inbox/conversations');
    if (!Array.isArray(conversations)) throw new InboxError('refused', 200, 'not-a-list');
    return conversations;
  }

  conversation(id: string): Promise<Conversation> {
    return this.call<Conversation>('GET', `v1/inbox/conversations/${encodeURIComponent(id)}`);
  }

  /** An answer; with `blobs`, the declarations of its files, whose bytes follow with `uploadBlob`. */
  async reply(id: string, body: { toPerson: Envelope; toCentre: Envelope; idempotencyKey: string; blobs?: BlobDeclaration[] }): Promise<void> {
    await this.call('POST', `v1/inbox/conversations/${encodeURIComponent(id)}/replies`, body);
  }

  /**
   * A file's blob of an answer the relay has stored (issue 23), with the contact form's upload
   * (`PUT /v1/blobs/:id`, loaded with the first answer that has files). Sending it again is harmless.
   */
  async uploadBlob(blob: { id: string; bytes: Uint8Array }): Promise<void> {
    try {
      const { uploadBlob } = await import('@wegweiser/contact-form/relay-client');
      await uploadBlob(this.relay, blob);
    } catch (error) {
      // The form's RelayError (or the code not loading: offline), told as the inbox tells every failure.
      const { status = 0, code = 'network' } = error as { status?: number; code?: string };
      throw new InboxError(kindOf(status, code), status, code);
    }
  }

  /** An attachment's blob (issue 23): ciphertext, opened in this browser with the message's content key. Not cached. */
  async blob(id: string): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await fetch(this.url(`v1/inbox/blobs/${encodeURIComponent(id)}`), { ...init, headers: this.token ? { Authorization: `Bearer ${this.token}` } : {} });
    } catch {
      throw new InboxError('unavailable', 0, 'network');
    }
    if (!response.ok) {
      const code = String(((await response.json().catch(() => null)) as { error?: unknown } | null)?.error ?? 'unknown');
      throw new InboxError(kindOf(response.status, code), response.status, code);
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  async setClosed(id: string, closed: boolean): Promise<void> {
    await this.call('POST', `v1/inbox/conversations/${encodeURIComponent(id)}/status`, { closed });
  }

  async remove(id: string): Promise<void> {
    await this.call('DELETE', `v1/inbox/conversations/${encodeURIComponent(id)}`);
  }

  /** The centre's own figures, month by month (docs/network.md). */
  figures(): Promise<TeamFiguresAnswer> {
    return this.call<TeamFiguresAnswer>('GET', 'v1/inbox/figures');
  }

  /** The network's figures, for the coordination office: every centre and the sum, small counts suppressed. */
  networkFigures(): Promise<NetworkFiguresAnswer> {
    return this.call<NetworkFiguresAnswer>('GET', 'v1/inbox/network-figures');
  }
}

/** A random idempotency key (128 bits, base64url). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
