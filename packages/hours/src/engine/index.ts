// The opening-hours engine: no DOM, no dependencies. parse.ts documents the supported OSM subset,
// evaluate.ts precedence and time zones, holidays.ts the holiday decisions. The schema.org converter
// lives in schema-org.ts, outside this entry, so that pages that show hours do not ship it.
export { parseOpeningHours, OpeningHoursError } from './parse.js';
export type { ParsedHours, Rule, RuleStatus } from './parse.js';
export { Schedule } from './evaluate.js';
export type { HoursOptions, HoursStatus, HoursState, OpenInterval, DaySummary } from './evaluate.js';
export { holidaysOf, holidayOn, regions } from './holidays.js';
export type { Holiday } from './holidays.js';
