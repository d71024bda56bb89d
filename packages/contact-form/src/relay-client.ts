/**
 * Talking to the configured relay, and nothing else: no cookies, no referrer,
 * no cache. The proof of work is solved in a worker (main thread if workers
 * are unavailable).
 */
import type { Challenge, Solution } from 'altcha-lib';
import type { Envelope } from './envelope.js';
import type { BlobDeclaration } from './attachment-blobs.js';
import { workerUrl } from '@wegweiser/core';

export interface Pow {
  challenge: Challenge;
  solution: Solution;
}

/**
 * What to do after a failure: `backoff` (network, busy relay: wait and try
 * again), `new-pow` (the proof was used or expired: solve a new one),
 * `wait` (too soon after the challenge), `never` (the configuration or the
 * message is wrong; trying again will not help).
 */
export type RetryKind = 'backoff' | 'new-pow' | 'wait' | 'never';

export class RelayError extends Error {
  override name = 'RelayError';
  constructor(
    readonly code: string,
    readonly status: number,
    readonly retry: RetryKind,
  ) {
    super(`The relay answered ${status || 'nothing'} (${code}).`);
  }
}

const init: RequestInit = { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' };

function endpoint(relay: string, path: string): string {
  return new URL(path, relay.endsWith('/') ? relay : `${relay}/`).href;
}

async function request(url: string, options: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, ...options });
  } catch {
    // A TypeError: offline, cut connection, DNS, or a CORS refusal (indistinguishable by design).
    throw new RelayError('network', 0, 'backoff');
  }
}

export async function fetchChallenge(relay: string): Promise<Challenge> {
  const response = await request(endpoint(relay, 'v1/challenge'), {});
  if (!response.ok) throw new RelayError('challenge', response.status, response.status === 429 || response.status >= 500 ? 'backoff' : 'never');
  return (await response.json()) as Challenge;
}

// Held until they answer: a worker nothing refers to may be collected mid-work.
const busyWorkers = new Set<Worker>();
const workerStartTimeout = 3000;

export async function solve(challenge: Challenge): Promise<Solution> {
  let solution: Solution | null | undefined;
  try {
    solution = await new Promise<Solution | null>((resolve, reject) => {
      const worker = new Worker(workerUrl(new URL('./pow.worker.js', import.meta.url)), { type: 'module' });
      busyWorkers.add(worker);
      const done = () => {
        clearTimeout(silence);
        busyWorkers.delete(worker);
        worker.terminate();
      };
      // A worker that has not started after a while (blocked, or its script
      // request stuck) is given up for the main thread.
      const silence = setTimeout(() => {
        done();
        reject(new Error('worker did not start'));
      }, workerStartTimeout);
      worker.onmessage = (event: MessageEvent<{ ready?: true; solution?: Solution | null; error?: string }>) => {
        if (event.data.ready) {
          clearTimeout(silence);
          return worker.postMessage(challenge);
        }
        done();
        if (event.data.error) reject(new Error(event.data.error));
        else resolve(event.data.solution ?? null);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        done();
        reject(new Error('worker failed'));
      };
    });
  } catch {
    // No module workers here (or a policy forbids them): solve on the main
    // thread instead; it yields regularly, so the page stays usable.
    const [{ solveChallenge }, { deriveKey }] = await Promise.all([import('altcha-lib'), import('altcha-lib/algorithms/web/pbkdf2')]);
    solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
  }
  if (!solution) throw new RelayError('pow-unsolved', 0, 'new-pow');
  return solution;
}

const retryFor: Record<string, RetryKind> = {
  'pow-invalid': 'new-pow',
  'pow-expired': 'new-pow',
  'pow-replayed': 'new-pow',
  'too-fast': 'wait',
  'rate-limited': 'backoff',
  unavailable: 'backoff',
};

/** POSTs JSON to the relay; the answer's JSON, or a RelayError that says whether to try again. */
async function postJson<T>(relay: string, path: string, body: unknown): Promise<T> {
  const response = await request(endpoint(relay, path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answerOf<T>(response);
}

/** The answer's JSON, or a RelayError that says whether to try again. */
async function answerOf<T>(response: Response): Promise<T> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    /* not JSON: a proxy's error page */
  }
  if (response.ok) return json as T;
  const code = String((json as { error?: unknown } | null)?.error ?? 'unknown');
  throw new RelayError(code, response.status, retryFor[code] ?? (response.status >= 500 ? 'backoff' : 'never'));
}

/** A first message; with `conversation`, the mailbox for answers by code; with `blobs`, its attachments' declarations. */
export async function sendEnvelope(
  relay: string,
  body: { envelope: Envelope; pow: Pow; idempotencyKey: string; hp: string; conversation?: { mailbox: string; verifier: string; toPerson: Envelope }; blobs?: BlobDeclaration[] },
): Promise<void> {
  await postJson(relay, 'v1/messages', body);
}

/**
 * An attachment's blob, after the item that declared it was stored. Sending
 * it again is harmless (the relay answers that it has it); a 404 (no such
 * item, or deleted) or 422 (not the declared bytes) is not retried.
 */
export async function uploadBlob(relay: string, blob: { id: string; bytes: Uint8Array }): Promise<void> {
  const response = await request(endpoint(relay, `v1/blobs/${blob.id}`), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: blob.bytes as BufferSource,
  });
  await answerOf(response);
}

export interface ConversationItem {
  id: string;
  author: 'person' | 'centre';
  /** Unix seconds (to the minute). */
  at: number;
  envelope: Envelope;
}

/** What a code opens; a 403 `code-unknown` for a wrong code (or a deleted conversation: the relay does not say which). */
export function readConversation(relay: string, access: { mailbox: string; secret: string }): Promise<{ status: 'new' | 'answered' | 'closed'; items: ConversationItem[] }> {
  return postJson(relay, 'v1/conversation', access);
}

export async function sendFollowUp(relay: string, body: { mailbox: string; secret: string; envelope: Envelope; toPerson: Envelope; idempotencyKey: string }): Promise<void> {
  await postJson(relay, 'v1/conversation/messages', body);
}

/** An attachment's blob of the conversation the code opens (issue 23); a RelayError with status 404 when the relay does not have it. */
export async function readBlob(relay: string, access: { mailbox: string; secret: string }, blob: string): Promise<Uint8Array> {
  const response = await request(endpoint(relay, 'v1/conversation/blob'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...access, blob }),
  });
  if (!response.ok) await answerOf(response);
  return new Uint8Array(await response.arrayBuffer());
}

export async function deleteConversation(relay: string, access: { mailbox: string; secret: string }): Promise<void> {
  await postJson(relay, 'v1/conversation/delete', access);
}

/** A random idempotency key (128 bits, base64url). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
