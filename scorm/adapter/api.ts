import type { FoundApi, RawApi12, RawApi2004 } from './discovery.ts';
import type { ScormVersion } from '../version.ts';

/**
 * Thin typed wrappers: the 1.2 and 2004 APIs behind one shape. Each call is guarded (an LMS API
 * that throws is treated as a failed call), returns a plain boolean or string, and reports the
 * LMS's error code. Nothing here knows the course or the call order: session.ts does.
 */
export interface LmsApi {
  readonly version: ScormVersion;
  initialize(): boolean;
  /**
   * `unclear` when the LMS answers neither "true" nor "false" (Moodle's 2004 sequencer printed an
   * HTML alert before "true") or throws: the LMS may or may not have ended the session.
   */
  terminate(): 'true' | 'false' | 'unclear';
  commit(): boolean;
  getValue(element: string): string;
  setValue(element: string, value: string): boolean;
  /** The last call's error code (0 = none). */
  lastError(): number;
  /** `"<code> <error string>"` for messages and logs. */
  describeError(code: number): string;
}

export function wrapApi(found: FoundApi): LmsApi {
  return found.version === '2004' ? wrap2004(found.api) : wrap12(found.api);
}

const truthy = (result: unknown) => String(result).toLowerCase() === 'true';

function answer(call: () => unknown): 'true' | 'false' | 'unclear' {
  try {
    const text = String(call()).trim().toLowerCase();
    return text === 'true' || text === 'false' ? text : 'unclear';
  } catch {
    // An LMS that throws has not said whether it ended the session.
    return 'unclear';
  }
}

function guard<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    // An LMS API that throws is a failed call (`fallback`), which the session reports.
    return fallback;
  }
}

function wrap12(api: RawApi12): LmsApi {
  return {
    version: '1.2',
    initialize: () => guard(() => truthy(api.LMSInitialize('')), false),
    terminate: () => answer(() => api.LMSFinish('')),
    commit: () => guard(() => truthy(api.LMSCommit('')), false),
    getValue: (element) => guard(() => String(api.LMSGetValue(element) ?? ''), ''),
    setValue: (element, value) => guard(() => truthy(api.LMSSetValue(element, value)), false),
    lastError: () => guard(() => Number(api.LMSGetLastError()) || 0, 101),
    describeError: (code) =>
      `${code} ${guard(() => String(api.LMSGetErrorString(String(code))), '')}`.trim(),
  };
}

function wrap2004(api: RawApi2004): LmsApi {
  return {
    version: '2004',
    initialize: () => guard(() => truthy(api.Initialize('')), false),
    terminate: () => answer(() => api.Terminate('')),
    commit: () => guard(() => truthy(api.Commit('')), false),
    getValue: (element) => guard(() => String(api.GetValue(element) ?? ''), ''),
    setValue: (element, value) => guard(() => truthy(api.SetValue(element, value)), false),
    lastError: () => guard(() => Number(api.GetLastError()) || 0, 101),
    describeError: (code) =>
      `${code} ${guard(() => String(api.GetErrorString(String(code))), '')}`.trim(),
  };
}
