export { HoursBadge, displayIntervals, type HoursChannel } from './HoursBadge.js';
export * from './engine/index.js';
