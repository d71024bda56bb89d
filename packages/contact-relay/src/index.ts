export { readConfig, ConfigError, type RelayConfig } from './config.js';
export { createRelay, startRelay, type Relay, type RelayOptions, type RunningRelay } from './server.js';
export { createApp, type ErrorCode } from './app.js';
export { openStore, type Store, type Author, type Conversation, type ConversationStatus, type ConversationSummary, type StoredItem, type Mailbox, type NewItem, type InsertResult, type Quota, type Session } from './store.js';
export { newCredential, credentialEntry } from './team.js';
export { generateKeyFile, openKeyFile, KeyFileError, keyFileFormat, scryptParameters, type KeyFile } from './key-file.js';
export { notificationSubject, notificationText } from './notify.js';
export { createLog, type Log } from './log.js';
export { RateLimiter, RateLimits, clientKey } from './rate-limit.js';
