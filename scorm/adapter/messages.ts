/**
 * What the LMS session tells the learner (the banner), in plain words: the LMS's error number at
 * most, never its error string or the data model's names.
 */

/** Said while the LMS has not answered Initialize (the course keeps trying, see not-started.ts). */
export const NOT_STARTED_MESSAGE =
  'The learning system did not answer when this course opened, so your progress is not reaching ' +
  'it yet. The course keeps trying, and meanwhile your work is kept on this device. If this ' +
  'message stays, choose Save and exit, then open the course again from the learning system on ' +
  'this device: your work is passed on to it then. If it keeps happening, tell your training lead.';

/** Said after "Save and exit" when the LMS never answered Initialize. */
export const LEFT_BEFORE_START_MESSAGE =
  'The learning system did not answer while you worked, so your progress has not reached it. ' +
  'It is kept on this device: open the course again from the learning system on this device ' +
  'and it is passed on then.';

/** Said at launch when the LMS's saved place cannot be read and this device has no copy of it. */
export const UNREADABLE_MESSAGE =
  'Your saved place in this level could not be read back from the learning system, so the level ' +
  'starts from the beginning. Your results already recorded there are not affected.';

/** Said when the learner goes on after the session ended (a page back from the back/forward cache). */
export const ENDED_MESSAGE =
  'This page is no longer connected to the learning system, so what you do now is kept only on ' +
  'this device. Close the course and open it again from the learning system to carry on.';

/** Said when the adapter's own code fails: the same warning as a refusing LMS. */
export const BROKEN_MESSAGE =
  'The course could not pass your progress to the learning system just now. Your progress is ' +
  'kept on this device; if this message stays, tell your training lead before closing the course.';

/** Said while the LMS refuses what matters to the learner's record. */
export const notSavingMessage = (errorCode: number) =>
  'The learning system is not saving your progress at the moment. Your progress is kept on this ' +
  'device and will be sent again automatically; if this message stays, tell your training lead ' +
  'before closing the course' +
  errorReference(errorCode) +
  '.';

/** Said after "Save and exit" when the LMS did not confirm it kept everything. */
export const NOT_CONFIRMED_AT_EXIT_MESSAGE =
  'The learning system did not confirm that it saved your progress as you left. Your progress ' +
  'is kept on this device and goes to the learning system when you next open the course here.';

/**
 * The LMS's error code, for the learner to pass on to their training lead: the number only. The
 * LMS's own error string is not shown: it is written for developers, and some LMSs answer with
 * an unfilled format string or bytes that are not text (issue 16 case 9).
 */
export function errorReference(code: number): string {
  return Number.isInteger(code) && code > 0 && code < 10_000
    ? ` (the learning system gave error ${code})`
    : '';
}
