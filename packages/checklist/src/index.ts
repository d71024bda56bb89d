export { StabilisationChecklist, type ChecklistMode } from './StabilisationChecklist.js';
export { applySiteContent, mergeContent, readList } from './validation.js';
export {
  nextSteps,
  progress,
  saveList,
  statuses,
  itemKey,
  type Entries,
  type Entry,
  type Progress,
  type SavedList,
  type Status,
  type Step,
} from './checklist-model.js';
export type { ChecklistContact, ChecklistContent, ChecklistItem, ChecklistLink, ChecklistSection, SiteContent } from './content/types.js';
export { contentSchema } from './generated/content-schema.js';
