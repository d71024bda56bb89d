/**
 * What the element needs only once data arrives: the directory check (schema
 * and validator) and the hours engine (hours syntax, "open now"). A module of
 * its own so the element loads it on demand, in parallel with the directory;
 * the engine is shared with the hours badges' chunk.
 */
import { parseOpeningHours, OpeningHoursError, Schedule } from '@wegweiser/hours/engine';
import type { HoursCheck } from './model.js';

export { checkDirectory } from './directory.js';
import type { ScheduleFactory } from './search.js';

export const checkHours: HoursCheck = (spec) => {
  try {
    parseOpeningHours(spec);
    return undefined;
  } catch (error) {
    if (error instanceof OpeningHoursError) return error.message;
    throw error;
  }
};

export const makeSchedule: ScheduleFactory = (spec, region) => new Schedule(spec, { region });
