export { ContactForm, type ContactSentDetail } from './ContactForm.js';
export { ContactReplies } from './ContactReplies.js';
export { parsePublicKey, formatPublicKey, PublicKeyError, keyPrefix, type CentreKey } from './public-key.js';
export { RelayError, type RetryKind } from './relay-client.js';
// The envelope (HPKE) is a separate entry, `@wegweiser/contact-form/envelope`, so that
// importing the element does not pull in the encryption code before it is needed.
// Codes and their key derivation are `@wegweiser/contact-form/conversation`, for the same reason.
export type { ContactMessage, Envelope, MessagePlaintext, FollowUpPlaintext, ReplyPlaintext, Plaintext, ReplyChoice, Topic } from './envelope.js';
