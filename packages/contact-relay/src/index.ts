export { readConfig, ConfigError, type RelayConfig } from './config.js';
export { createRelay, startRelay, type Relay, type RelayOptions, type RunningRelay } from './server.js';
export { createApp, type ErrorCode } from './app.js';
export { Store, type StoredMessage } from './store.js';
export { generateKeyFile, openKeyFile, KeyFileError, keyFileFormat, scryptParameters, type KeyFile } from './key-file.js';
export { notificationSubject, notificationText } from './notify.js';
export { createLog, type Log } from './log.js';
