/**
 * A strict observer in front of an LMS API (scorm-again in the preview and the tests): it passes
 * every call through, logs it, and records each thing a strict LMS or ADL's conformance suite would
 * reject — calls out of order, a non-zero GetLastError, values over their limits or in the wrong
 * format. scorm-again already checks much of 2004; for 1.2 it accepts suspend_data over 4096,
 * malformed session_time and calls after LMSFinish, so the checks here are the ones that count.
 *
 * Plain browser TypeScript with no imports: the preview server serves it to the LMS page as is.
 */

export type Version = '1.2' | '2004';

export interface ApiCall {
  readonly fn: string;
  readonly args: readonly string[];
  readonly result: string;
  /** GetLastError right after the call. */
  readonly error: number;
  readonly at: number;
}

export interface StrictApi {
  /** Put this on the window as `API` / `API_1484_11`. */
  readonly api: Record<string, (...args: string[]) => string>;
  readonly calls: ApiCall[];
  readonly violations: string[];
  /** Every value the SCO set, by element (last value wins). */
  readonly values: Map<string, string>;
  /** The faults the LMS behind the observer shows now: add or remove one at any time. */
  readonly faults: Set<Fault>;
  onCall(listener: (call: ApiCall) => void): void;
}

/**
 * Ways real LMSs misbehave (issue 16, scorm/README.md's table), injected between the observer and
 * the LMS so that the observer sees what the SCO sees. The preview takes them as `?fault=a,b`.
 */
export const FAULTS = [
  /** Initialize answers "false" (101) on every try. */
  'refuse-initialize',
  /** Commit answers "false" (101); SetValue still stores each value as it arrives. */
  'refuse-commit',
  /**
   * The LMS ended the session (a time-out, or its own Terminate): every call answers "false" with
   * the "not initialised" (1.2: 301) or "after termination" (2004: 113, 123, 133, 143) error.
   */
  'end-session',
  /** Every API method throws (a torn-down LMS frame). */
  'throw',
  /** 1.2: no cmi.interactions or cmi.objectives; 2004: no adl.nav.request. Error 401. */
  'no-optional',
  /** suspend_data read back with a trailing space and newline. */
  'pad-state',
  /** An empty suspend_data read back as "null". */
  'null-state',
  /** suspend_data stored cut at 255 characters. */
  'cap-state-255',
  /** suspend_data read back as 10 MB of text. */
  'huge-state',
  /** Terminate answers an HTML alert before "true\n0" (Moodle's 2004 sequencer). */
  'terminate-junk',
  /** Every call takes `slowCallMs` (a synchronous request to a slow server). */
  'slow',
  /** GetErrorString answers an unfilled format string and bytes that are not text. */
  'junk-error-string',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface StrictOptions {
  readonly faults?: readonly Fault[];
  /** `end-session` and `throw` start after this many calls (the preview's `?after=`). @default 0 */
  readonly faultsAfterCalls?: number;
  /** How long each call takes with `slow` (the preview's `?slow=`). @default 1000 */
  readonly slowCallMs?: number;
}

type Inner = Record<string, (...args: unknown[]) => unknown>;

const NAMES = {
  '1.2': {
    init: 'LMSInitialize',
    finish: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    error: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
    diagnostic: 'LMSGetDiagnostic',
  },
  '2004': {
    init: 'Initialize',
    finish: 'Terminate',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    error: 'GetLastError',
    errorString: 'GetErrorString',
    diagnostic: 'GetDiagnostic',
  },
} as const;

export function createStrictApi(
  version: Version,
  lms: object,
  options: StrictOptions = {},
): StrictApi {
  const n = NAMES[version];
  const faults = new Set<Fault>(options.faults ?? []);
  // Without faults the LMS is called as it is (a missing method is then a violation).
  const inner =
    options.faults === undefined
      ? (lms as Inner)
      : withFaults(version, lms as Inner, faults, options);
  const raw = inner;
  const calls: ApiCall[] = [];
  const violations: string[] = [];
  const values = new Map<string, string>();
  const listeners: ((call: ApiCall) => void)[] = [];
  let state: 'new' | 'running' | 'ended' = 'new';
  let initialised = 0;
  let terminated = 0;
  const interactionTypes = new Map<string, string>();

  const call = (fn: string, args: unknown[]): string => {
    const method = raw[fn];
    if (typeof method !== 'function') {
      violations.push(`${fn}: the LMS API has no such function`);
      return 'false';
    }
    return String(method.apply(inner, args));
  };

  const record = (fn: string, args: string[], result: string, error: number) => {
    const entry: ApiCall = { fn, args, result, error, at: Date.now() };
    calls.push(entry);
    for (const listener of listeners) listener(entry);
  };

  const errorCheck = (fn: string, args: string[]) => {
    const code = Number(call(n.error, [])) || 0;
    const allowed = fn === n.get && version === '2004' && code === 403; // not initialised yet
    if (code !== 0 && !allowed)
      violations.push(`${fn}(${args.map((a) => JSON.stringify(a)).join(', ')}) → error ${code}`);
    return code;
  };

  const orderCheck = (fn: string) => {
    if (state === 'new') violations.push(`${fn} called before ${n.init}`);
    if (state === 'ended') violations.push(`${fn} called after ${n.finish}`);
  };

  const wrapped =
    (fn: string, body: (args: string[]) => void) =>
    (...args: string[]): string => {
      body(args);
      const result = call(fn, args);
      const error = errorCheck(fn, args);
      record(fn, args, result, error);
      return result;
    };

  const api: Record<string, (...args: string[]) => string> = {
    // A refused Initialize leaves the SCO where it was: it may try again (and nothing else).
    [n.init]: (...args: string[]): string => {
      if (state === 'running') violations.push(`${n.init} called ${initialised + 1} times`);
      if (args[0] !== '') violations.push(`${n.init} argument must be "" (got ${String(args[0])})`);
      if (state === 'ended') violations.push(`${n.init} called after ${n.finish}`);
      const result = call(n.init, args);
      record(n.init, args, result, errorCheck(n.init, args));
      if (result === 'true') {
        initialised++;
        state = 'running';
      }
      return result;
    },
    [n.finish]: wrapped(n.finish, (args) => {
      orderCheck(n.finish);
      terminated++;
      if (terminated > 1) violations.push(`${n.finish} called ${terminated} times`);
      if (args[0] !== '') violations.push(`${n.finish} argument must be ""`);
      const last = calls.at(-1);
      if (version === '2004' && last?.fn === n.commit)
        violations.push('Commit immediately before Terminate (Cornerstone rejects it: 391)');
      state = 'ended';
    }),
    [n.get]: wrapped(n.get, () => orderCheck(n.get)),
    [n.set]: wrapped(n.set, ([element = '', value = '']) => {
      orderCheck(n.set);
      if (typeof value !== 'string') violations.push(`${n.set}(${element}) value is not a string`);
      values.set(element, value);
      for (const problem of checkValue(version, element, value, interactionTypes))
        violations.push(`${element} = ${JSON.stringify(value.slice(0, 80))}: ${problem}`);
    }),
    [n.commit]: wrapped(n.commit, (args) => {
      orderCheck(n.commit);
      if (args[0] !== '') violations.push(`${n.commit} argument must be ""`);
    }),
    [n.error]: () => call(n.error, []),
    [n.errorString]: (code = '') => call(n.errorString, [code]),
    [n.diagnostic]: (code = '') => call(n.diagnostic, [code]),
  };

  return {
    api,
    calls,
    violations,
    values,
    faults,
    onCall(listener) {
      listeners.push(listener);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Faults

const HUGE_STATE_CHARACTERS = 10 * 1024 * 1024;

/** What `junk-error-string` answers: a format string never filled in, a NUL, stray bytes. */
export const JUNK_ERROR_STRING = 'ERR_%s: %d (%08x)\u0000\u00ff\ufffd\ufffd';

/** `lms` with the faults in `faults` (read at each call, so a test may switch them mid-session). */
function withFaults(
  version: Version,
  lms: Inner,
  faults: Set<Fault>,
  options: StrictOptions,
): Inner {
  const n = NAMES[version];
  const afterCalls = options.faultsAfterCalls ?? 0;
  /** The error the last call made, when a fault answered it (else the LMS's own). */
  let injected: number | undefined;
  let calls = 0;
  const optional = (element: string) =>
    version === '1.2'
      ? /^cmi\.(interactions|objectives)\./.test(element)
      : /^adl\.nav\.request/.test(element);
  const pass = (fn: string, args: unknown[]) => {
    injected = undefined;
    return lms[fn]!.apply(lms, args);
  };
  const refuse = (code: number, result = 'false') => {
    injected = code;
    return result;
  };
  // Methods of a class instance (scorm-again) live on its prototype: delegate each by name.
  const faulty: Inner = {};
  for (const fn of Object.values(n))
    faulty[fn] = (...args: unknown[]) => {
      const method = lms[fn];
      return typeof method === 'function' ? method.apply(lms, args) : undefined;
    };
  for (const fn of [n.init, n.finish, n.get, n.set, n.commit]) {
    faulty[fn] = (...args: unknown[]) => {
      calls++;
      if (faults.has('slow')) {
        // Busy, as a synchronous request blocks the page.
        const until = Date.now() + (options.slowCallMs ?? 1000);
        while (Date.now() < until);
      }
      const gone = calls > afterCalls;
      if (faults.has('throw') && gone) throw new Error('The LMS is gone');
      if (faults.has('end-session') && gone)
        return refuse(endedCode(version, fn), fn === n.get ? '' : 'false');
      const [element = '', value = ''] = args.map(String);
      if (fn === n.init && faults.has('refuse-initialize')) return refuse(101);
      if (fn === n.commit && faults.has('refuse-commit')) return refuse(101);
      if ((fn === n.set || fn === n.get) && faults.has('no-optional') && optional(element))
        return refuse(401, fn === n.get ? '' : 'false');
      if (fn === n.set && element === 'cmi.suspend_data' && faults.has('cap-state-255'))
        return pass(fn, [element, value.slice(0, 255)]);
      if (fn === n.get && element === 'cmi.suspend_data') {
        const held = String(pass(fn, args));
        if (faults.has('huge-state')) return `1~${'x'.repeat(HUGE_STATE_CHARACTERS)}`;
        if (faults.has('null-state') && held === '') return 'null';
        if (faults.has('pad-state') && held !== '') return `${held} \n`;
        return held;
      }
      if (fn === n.finish && faults.has('terminate-junk')) {
        pass(fn, args);
        return '<div class="alert">Sequencing request not valid</div>\ntrue\n0';
      }
      return pass(fn, args);
    };
  }
  faulty[n.errorString] = (...args: unknown[]) =>
    faults.has('junk-error-string')
      ? JUNK_ERROR_STRING
      : lms[n.errorString]!.apply(lms, args.map(String));
  faulty[n.error] = () => {
    if (faults.has('throw') && calls > afterCalls) throw new Error('The LMS is gone');
    return injected === undefined ? lms[n.error]!.apply(lms, []) : String(injected);
  };
  return faulty;
}

/** What an LMS answers to `fn` after it ended the session. */
function endedCode(version: Version, fn: string): number {
  if (version === '1.2') return 301;
  return { Terminate: 113, GetValue: 123, SetValue: 133, Commit: 143 }[fn] ?? 104;
}

// ---------------------------------------------------------------------------------------------
// Value rules per element

const TIMESPAN_12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIME_12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const DURATION_2004 = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
const TIMESTAMP_2004 =
  /^(19[7-9]\d|20[0-2]\d|203[0-8])(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?(Z|[+-]\d{2}(:\d{2})?)?)?)?)?$/;
const ID_12 = /^[A-Za-z0-9_-]{1,255}$/;
const ID_2004 = /^\S{1,4000}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

const VOCAB_12: Record<string, readonly string[]> = {
  'cmi.core.lesson_status': ['passed', 'completed', 'failed', 'incomplete', 'browsed'],
  'cmi.core.exit': ['time-out', 'suspend', 'logout', ''],
};
const VOCAB_2004: Record<string, readonly string[]> = {
  'cmi.completion_status': ['completed', 'incomplete', 'not attempted', 'unknown'],
  'cmi.success_status': ['passed', 'failed', 'unknown'],
  'cmi.exit': ['time-out', 'suspend', 'logout', 'normal', ''],
  'adl.nav.request': [
    'continue',
    'previous',
    'exit',
    'exitAll',
    'abandon',
    'abandonAll',
    'suspendAll',
    '_none_',
  ],
};
const TYPES_12 = [
  'true-false',
  'choice',
  'fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
];
const TYPES_2004 = [...TYPES_12, 'long-fill-in', 'other'];

/** Problems with one SetValue, for the version's data model. */
export function checkValue(
  version: Version,
  element: string,
  value: string,
  interactionTypes: Map<string, string> = new Map(),
): string[] {
  const problems: string[] = [];
  const max = (limit: number) => {
    if (value.length > limit)
      problems.push(`${value.length} characters, over the limit of ${limit}`);
  };
  const match = (pattern: RegExp, what: string) => {
    if (!pattern.test(value)) problems.push(`not ${what}`);
  };
  const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
  const objective = /^cmi\.objectives\.(\d+)\.(.+)$/.exec(element);

  if (version === '1.2') {
    if (element === 'cmi.suspend_data') max(4096);
    else if (element === 'cmi.core.lesson_location') max(255);
    else if (element === 'cmi.core.session_time') match(TIMESPAN_12, 'HHHH:MM:SS.SS');
    else if (element === 'cmi.core.score.raw' || /score\.(raw|min|max)$/.test(element)) {
      match(DECIMAL, 'a decimal');
      if (Number(value) < 0 || Number(value) > 100) problems.push('outside 0–100');
    } else if (VOCAB_12[element] && !VOCAB_12[element].includes(value))
      problems.push(`not one of ${VOCAB_12[element].join(', ')}`);
    else if (objective?.[2] === 'id') match(ID_12, 'an identifier [A-Za-z0-9_-]{1,255}');
    else if (
      objective?.[2] === 'status' &&
      !VOCAB_12['cmi.core.lesson_status']?.includes(value) &&
      value !== 'not attempted'
    )
      problems.push('not a status');
    if (interaction) {
      const [, index = '', field = ''] = interaction;
      if (field === 'id' || /^objectives\.\d+\.id$/.test(field))
        match(ID_12, 'an identifier [A-Za-z0-9_-]{1,255}');
      else if (field === 'type') {
        if (!TYPES_12.includes(value)) problems.push('not a 1.2 interaction type');
        interactionTypes.set(index, value);
      } else if (field === 'time') match(TIME_12, 'a time of day HH:MM:SS');
      else if (field === 'latency') match(TIMESPAN_12, 'HHHH:MM:SS.SS');
      else if (field === 'weighting') match(DECIMAL, 'a decimal');
      else if (
        field === 'result' &&
        !['correct', 'wrong', 'unanticipated', 'neutral'].includes(value) &&
        !DECIMAL.test(value)
      )
        problems.push('not a 1.2 result (correct, wrong, unanticipated, neutral)');
      else if (field === 'student_response' || /^correct_responses\.\d+\.pattern$/.test(field)) {
        max(255);
        problems.push(...checkResponse12(interactionTypes.get(index), value));
      } else if (field === 'description' || field === 'learner_response' || field === 'timestamp')
        problems.push('is a SCORM 2004 element, not 1.2');
    }
    return problems;
  }

  if (element === 'cmi.suspend_data') max(64000);
  else if (element === 'cmi.location') max(1000);
  else if (element === 'cmi.session_time')
    match(DURATION_2004, 'an ISO 8601 duration (≤ 2 decimals)');
  else if (
    element === 'cmi.score.scaled' ||
    element === 'cmi.progress_measure' ||
    /\.score\.scaled$/.test(element)
  ) {
    match(DECIMAL, 'a decimal');
    const low = element.endsWith('progress_measure') ? 0 : -1;
    if (Number(value) < low || Number(value) > 1) problems.push(`outside ${low}..1`);
  } else if (VOCAB_2004[element] && !VOCAB_2004[element].includes(value))
    problems.push(`not one of ${VOCAB_2004[element].join(', ')}`);
  else if (objective?.[2] === 'id') match(ID_2004, 'a URI identifier (no spaces)');
  if (interaction) {
    const [, index = '', field = ''] = interaction;
    if (field === 'id' || /^objectives\.\d+\.id$/.test(field)) {
      match(ID_2004, 'a URI identifier (no spaces)');
      if (/^urn:/i.test(value) && !/^urn:[A-Za-z0-9-]{1,31}:\S+$/.test(value))
        problems.push('a malformed urn');
    } else if (field === 'type') {
      if (!TYPES_2004.includes(value)) problems.push('not a 2004 interaction type');
      interactionTypes.set(index, value);
    } else if (field === 'timestamp')
      match(TIMESTAMP_2004, 'an ISO 8601 time (1970–2038, ≤ 2 fractional digits)');
    else if (field === 'latency') match(DURATION_2004, 'an ISO 8601 duration (≤ 2 decimals)');
    else if (field === 'weighting') match(DECIMAL, 'a decimal');
    else if (field === 'description') max(250);
    else if (
      field === 'result' &&
      !['correct', 'incorrect', 'unanticipated', 'neutral'].includes(value) &&
      !DECIMAL.test(value)
    )
      problems.push('not a 2004 result (correct, incorrect, unanticipated, neutral)');
    else if (field === 'learner_response' || /^correct_responses\.\d+\.pattern$/.test(field))
      problems.push(...checkResponse2004(interactionTypes.get(index), value));
    else if (field === 'student_response' || field === 'time')
      problems.push('is a SCORM 1.2 element, not 2004');
  }
  return problems;
}

function checkResponse12(type: string | undefined, value: string): string[] {
  const single = '[0-9a-z]';
  const patterns: Record<string, RegExp> = {
    'true-false': /^[01tf]$/,
    choice: new RegExp(`^(${single}(,${single})*)?$`),
    sequencing: new RegExp(`^${single}(,${single})*$`),
    matching: new RegExp(`^${single}\\.${single}(,${single}\\.${single})*$`),
  };
  if (type === undefined) return ['response set before the interaction type'];
  const pattern = patterns[type];
  return pattern && !pattern.test(value) ? [`not a 1.2 ${type} response`] : [];
}

function checkResponse2004(type: string | undefined, value: string): string[] {
  const short = '[^\\s\\[\\]]{1,250}';
  const patterns: Record<string, RegExp> = {
    'true-false': /^(true|false)$/,
    choice: new RegExp(`^(${short}(\\[,\\]${short})*)?$`),
    sequencing: new RegExp(`^${short}(\\[,\\]${short})*$`),
    matching: new RegExp(`^${short}\\[\\.\\]${short}(\\[,\\]${short}\\[\\.\\]${short})*$`),
  };
  if (type === undefined) return ['response set before the interaction type'];
  const pattern = patterns[type];
  const problems = pattern && !pattern.test(value) ? [`not a 2004 ${type} response`] : [];
  if (type === 'choice' || type === 'sequencing') {
    const ids = value === '' ? [] : value.split('[,]');
    if (type === 'choice' && new Set(ids).size !== ids.length) problems.push('repeats a choice');
  }
  return problems;
}
