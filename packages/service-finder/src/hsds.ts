/**
 * Import from Open Referral HSDS 3.0 JSON (https://docs.openreferral.org), so
 * portals that already keep their services in HSDS can feed the finder.
 *
 * Accepted shapes: an array of compiled service objects (as the HSDS API returns
 * them, with nested organization, service_at_locations[].location, schedules …);
 * a paginated list (`{ contents: [...] }`); one service, organization (with
 * `services`) or service_at_location object; or the tabular form, an object with
 * one array per table (`service`, `location`, `schedule`, … singular or plural),
 * joined by their `*_id` fields. HSDS 2.0 names that are easy to read
 * (physical_address, regular_schedule, accessibility_for_disabilities, weekday)
 * are read too.
 *
 * One centre per service and physical location. Nothing is dropped silently:
 * every field that holds a value and did not end up in the directory is listed
 * in `report.unmapped` by its JSON path, and every guess or refusal is a line in
 * `report.problems`. Identifiers and link keys (`id`, `*_id`) serve the joins
 * and are not listed. The result passes `checkDirectory`: entries that would
 * not are left out, with the reasons among the problems.
 *
 * Pure TypeScript: no DOM, no Node APIs, so it runs in a browser as well.
 */
export type { HsdsImport, HsdsOptions, HsdsReport } from './hsds/options.js';
export { importHsds, summariseUnmapped } from './hsds/import.js';
export { targetGroupKeywords, topicKeywords } from './hsds/topics.js';
export { landFromName } from './hsds/lands.js';
export { languageTag } from './hsds/languages.js';
