export { ServiceFinder } from './ServiceFinder.js';
export { checkDirectory, directorySchema, textIn, formatProblem, topics, channels, targetGroups } from './directory.js';
export type { Centre, Directory, CheckedDirectory, DirectoryProblem, LocalText, Topic, Channel, TargetGroup } from './directory.js';
export { DirectoryIndex, offers, responsibleFor, type Query, type Hit, type Origin } from './search.js';
export { Places, type Place } from './places.js';
export { fold, words, distanceKm } from './text.js';
