/**
 * The states <ww-contact-inbox> moves through, as types the element and its views share.
 */
import type { ConversationStatus } from './inbox-client.js';
import type { KeyFileProblem } from './key-file.js';
import type { Plaintext } from './messages.js';

/** What the inbox shows: a setup problem, the sign-in form, the key form, the list and conversations, or (a coordinator) the network's figures. */
export type Stage = 'misconfigured' | 'sign-in' | 'key' | 'inbox' | 'figures';
export type Filter = ConversationStatus | 'all';
export type Load = 'loading' | 'ready' | 'unavailable' | 'gone';
export type SignInProblem = 'centre-missing' | 'centre-format' | 'credential-missing' | 'wrong';
/** `already-open`: an earlier key was to be opened beside the inbox's key, and this one is open already. */
export type KeyProblem = 'file-missing' | 'passphrase-missing' | KeyFileProblem | 'other-centre' | 'already-open';
export type ReplyProblem = 'empty' | 'too-long';
/** Why the sign-in form is shown again: the session ended, the relay is unreachable or has no inbox. */
export type Notice = 'session-ended' | 'unavailable' | 'inbox-off' | 'locked' | null;
/**
 * The answer form of the open conversation: one state at a time, so that, say, "sent" and
 * "failed" cannot both be shown. `failed` says why: encryption in this browser, or the relay.
 */
export type AnswerState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; because: 'encryption' | 'relay' };
/**
 * Closing, reopening and deleting the open conversation, one step at a time. The delete
 * confirmation stays shown while deleting and after a failed attempt. Apart from the answer
 * form's state: a counsellor may close a conversation while an answer that failed waits.
 */
export type ManageState =
  | { kind: 'idle' }
  | { kind: 'changing-status' }
  | { kind: 'status-failed' }
  | { kind: 'confirming-delete' }
  | { kind: 'deleting' }
  | { kind: 'delete-failed' };
/** A decrypted item: the plaintext, or null when it cannot be decrypted. */
export type Opened = Plaintext | null;

export const filters: readonly Filter[] = ['new', 'answered', 'closed', 'all'];
