// One React component per widget, generated from the manifests (prebuild.mjs).
export * from './generated/index.js';
export type { WidgetEvent } from './events.js';
