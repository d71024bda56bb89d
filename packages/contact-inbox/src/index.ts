export { ContactInbox } from './ContactInbox.js';
export { InboxClient, InboxError, type InboxErrorKind, type Conversation, type ConversationItem, type ConversationStatus, type ConversationSummary } from './inbox-client.js';
// The key file (scrypt) and the envelopes (HPKE) are loaded with the key, not with the element;
// `KeyFileError` and friends are types here so that importing the element does not pull them in.
export type { OpenedKey, KeyFileProblem } from './key-file.js';
