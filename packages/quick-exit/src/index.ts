export { QuickExit, defaultDestination, type QuickExitPlacement, type QuickExitEventDetail } from './QuickExit.js';
export { ShiftSequence, type ShiftSequenceCallbacks } from './shift-sequence.js';
