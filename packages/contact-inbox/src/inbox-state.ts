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
export type Send = 'idle' | 'sending' | 'failed' | 'sent';
/** A decrypted item: the plaintext, or null when it cannot be decrypted. */
export type Opened = Plaintext | null;

export const filters: readonly Filter[] = ['new', 'answered', 'closed', 'all'];
