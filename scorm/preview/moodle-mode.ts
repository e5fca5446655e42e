/**
 * A Moodle-like LMS in front of scorm-again, for the preview page and the tests: it behaves as
 * Moodle 5.1's SCORM player was seen to behave (issue 18), so that what fails there fails here.
 *
 * - Every Commit and Terminate posts the WHOLE data model as one form body
 *   (`&cmi__interactions__N0__id=…`, every element the SCO may write, URL-encoded), as Moodle's
 *   `scorm_13.js` / `scorm_12.js` `CollectData` does. Values equal to their launch value are left
 *   out, as Moodle leaves out a value equal to its `defaultvalue` (so a bookmark set back to its
 *   launch value never reaches the LMS).
 * - While the page is being unloaded the post goes by `navigator.sendBeacon`, which Chrome refuses
 *   over 64 KB: the call then answers `"false"` with error 101 and the LMS keeps its last record.
 * - A Terminate with `adl.nav.request=exitAll` is answered the way Moodle's sequencer answers it:
 *   an HTML alert before the result, so the call reads as failed although the data was stored.
 * - A relaunch after an attempt that did not end in `suspend` gets no suspend_data, bookmark or
 *   interactions: only the status and score the LMS recorded (see `relaunchData`).
 *
 * What the LMS "stored" is `stored` (the last post that went through), not scorm-again's live
 * data. Plain browser TypeScript with no imports: the preview server serves it as is.
 */

export type Version = '1.2' | '2004';

/** Chrome's limit on a `sendBeacon` body (and on all keepalive bodies in flight). */
export const BEACON_LIMIT = 64 * 1024;

/** What Moodle's player sends before the data (ids of the activity, the session key). */
const FORM_PREFIX = 'id=1234&a=567&sesskey=AbCdEfGhIj&attempt=1&scoid=8901';

/** Elements Moodle's data model marks read-only (`mod: 'r'`): never posted. */
const READ_ONLY: Record<Version, RegExp> = {
  '2004':
    /(^|\.)_(children|count|version)$|^cmi\.(completion_threshold|credit|entry|launch_data|learner_id|learner_name|max_time_allowed|mode|scaled_passing_score|time_limit_action|total_time)$|^cmi\.comments_from_lms\.|^cmi\.learner_preference\._/,
  '1.2':
    /(^|\.)_(children|count)$|^cmi\.core\.(student_id|student_name|credit|entry|total_time|lesson_mode)$|^cmi\.launch_data$|^cmi\.student_data\.|^cmi\.comments_from_lms$/,
};

/** Moodle's element names in a post: dots become `__`, 2004 indexes `N<n>` (`CMIIndexStore`). */
export function postName(version: Version, element: string): string {
  const indexed = version === '2004' ? element.replace(/\.(\d+)(?=\.|$)/g, '.N$1') : element;
  return indexed.replace(/\./g, '__');
}

/**
 * What Moodle's player sends of the data model: every writable element with a value, except those
 * equal to their launch value (Moodle's `defaultvalue`). `cmi` is the flattened data model.
 */
export function postedValues(
  version: Version,
  cmi: Readonly<Record<string, string>>,
  launch: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const posted: Record<string, string> = {};
  for (const [element, value] of Object.entries(cmi)) {
    if (value === '' || READ_ONLY[version].test(element)) continue;
    if (launch[element] === value) continue;
    posted[element] = value;
  }
  return posted;
}

/** The form body Moodle's player posts on a Commit or Terminate (see `postedValues`). */
export function moodleFormPost(
  version: Version,
  cmi: Readonly<Record<string, string>>,
  launch: Readonly<Record<string, string>> = {},
): string {
  let body = FORM_PREFIX;
  for (const [element, value] of Object.entries(postedValues(version, cmi, launch)))
    body += `&${postName(version, element)}=${encodeURIComponent(value)}`;
  return body;
}

/** Body size in bytes as sent (the body is ASCII once URL-encoded). */
export const postBytes = (body: string) => body.length;

/** What Moodle's sequencer printed before `true\n0` after `exitAll` (seen in Moodle 5.1). */
export const EXIT_ALL_JUNK =
  '<div class="alert alert-danger">Sequencing: invalid request</div>\n' +
  '<script>window.parent.location.reload()</script>';

export interface MoodleModeOptions {
  readonly version: Version;
  /** scorm-again (behind the strict observer or not): the API the SCO's calls go to. */
  readonly inner: object;
  /** The data model as scorm-again holds it now (flattened, strings only). */
  readonly cmi: () => Record<string, string>;
  /** The values the SCO was launched with (not posted again unless they change). */
  readonly launch: Readonly<Record<string, string>>;
  /** True while the page is being unloaded: posts go by sendBeacon, capped at BEACON_LIMIT. */
  readonly unloading: () => boolean;
}

export interface PostRecord {
  readonly fn: string;
  readonly bytes: number;
  readonly beacon: boolean;
  readonly refused: boolean;
}

export interface MoodleMode {
  /** Put this on the window (or behind the strict observer) instead of `inner`. */
  readonly api: Record<string, (...args: string[]) => string>;
  /** Every post, in order. */
  readonly posts: PostRecord[];
  /** The data model as of the last post the LMS accepted (what a relaunch gets). */
  stored(): Record<string, string>;
  /** The largest post in bytes so far. */
  largest(): number;
}

const FNS = {
  '2004': { commit: 'Commit', finish: 'Terminate', error: 'GetLastError', set: 'SetValue' },
  '1.2': { commit: 'LMSCommit', finish: 'LMSFinish', error: 'LMSGetLastError', set: 'LMSSetValue' },
} as const;

export function createMoodleMode(options: MoodleModeOptions): MoodleMode {
  const { version } = options;
  const names = FNS[version];
  const raw = options.inner as Record<string, (...args: unknown[]) => unknown>;
  const posts: PostRecord[] = [];
  let stored: Record<string, string> = { ...options.launch };
  /** Set when this layer, not scorm-again, decided the last call's error. */
  let ownError: string | undefined;

  const pass = (fn: string, args: unknown[]) => String(raw[fn]?.apply(options.inner, args) ?? '');

  /** Posts the data model; false when the beacon refuses it (the LMS then keeps what it had). */
  const post = (fn: string): boolean => {
    const posted = postedValues(version, options.cmi(), options.launch);
    const body = moodleFormPost(version, posted);
    const beacon = options.unloading();
    const refused = beacon && postBytes(body) > BEACON_LIMIT;
    posts.push({ fn, bytes: postBytes(body), beacon, refused });
    // Only what was posted reaches the LMS: a value set back to its launch value is not sent, so
    // the LMS keeps whatever it last received (issue 18 case 5).
    if (!refused) stored = { ...stored, ...posted };
    return !refused;
  };

  const api: Record<string, (...args: string[]) => string> = {};
  for (const key of Object.keys(FNS_ALL[version])) {
    api[key] = (...args: string[]) => {
      if (key === names.error && ownError !== undefined) return ownError;
      if (key !== names.error) ownError = undefined;
      if (key === names.commit) {
        if (args[0] !== '') return pass(key, args);
        if (!post(key)) {
          ownError = '101';
          return 'false';
        }
        return pass(key, args);
      }
      if (key === names.finish) {
        if (args[0] !== '') return pass(key, args);
        const navRequest =
          version === '2004' ? pass('GetValue', ['adl.nav.request']).trim().toLowerCase() : '';
        if (!post(key)) {
          ownError = '101';
          return 'false';
        }
        const result = pass(key, args);
        if (navRequest === 'exitall' && result === 'true') {
          // Stored, but the answer starts with the sequencer's HTML: Moodle's script reads the
          // first line as the result, which is not "true".
          ownError = '101';
          return `${EXIT_ALL_JUNK}\ntrue\n0`.split('\n')[0] as string;
        }
        return result;
      }
      return pass(key, args);
    };
  }

  return {
    api,
    posts,
    stored: () => ({ ...stored }),
    largest: () => posts.reduce((max, p) => Math.max(max, p.bytes), 0),
  };
}

const FNS_ALL = {
  '2004': {
    Initialize: 1,
    Terminate: 1,
    GetValue: 1,
    SetValue: 1,
    Commit: 1,
    GetLastError: 1,
    GetErrorString: 1,
    GetDiagnostic: 1,
  },
  '1.2': {
    LMSInitialize: 1,
    LMSFinish: 1,
    LMSGetValue: 1,
    LMSSetValue: 1,
    LMSCommit: 1,
    LMSGetLastError: 1,
    LMSGetErrorString: 1,
    LMSGetDiagnostic: 1,
  },
} as const;

/**
 * What the LMS hands the next launch, from what it stored: the whole record after `suspend`
 * (entry=resume); after any other exit a new start that keeps only the status and score it
 * recorded (Moodle's review, or an LMS that drops suspend_data once an attempt ends).
 */
export function relaunchData(
  version: Version,
  stored: Readonly<Record<string, string>>,
): { data: Record<string, string>; resumed: boolean } {
  const exit = (stored[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit'] ?? '')
    .trim()
    .toLowerCase();
  if (exit === 'suspend') {
    const data = { ...stored };
    delete data[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit'];
    delete data[version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time'];
    data[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = 'resume';
    return { data, resumed: true };
  }
  const keep =
    version === '1.2'
      ? ['cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max']
      : [
          'cmi.completion_status',
          'cmi.success_status',
          'cmi.score.scaled',
          'cmi.score.raw',
          'cmi.score.min',
          'cmi.score.max',
        ];
  const data: Record<string, string> = {};
  for (const key of keep) if (stored[key]) data[key] = stored[key];
  data[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = '';
  return { data, resumed: false };
}
