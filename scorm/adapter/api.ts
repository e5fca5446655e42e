import type { FoundApi, RawApi12, RawApi2004 } from './discovery.ts';
import type { ScormVersion } from './format.ts';

/**
 * Thin typed wrappers: the 1.2 and 2004 APIs behind one shape. Each call is guarded (an LMS API
 * that throws is treated as a failed call), returns a plain boolean or string, and reports the
 * LMS's error code. Nothing here knows the course or the call order: session.ts does.
 */
export interface LmsApi {
  readonly version: ScormVersion;
  initialize(): boolean;
  terminate(): boolean;
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

function guard<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

function wrap12(api: RawApi12): LmsApi {
  return {
    version: '1.2',
    initialize: () => guard(() => truthy(api.LMSInitialize('')), false),
    terminate: () => guard(() => truthy(api.LMSFinish('')), false),
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
    terminate: () => guard(() => truthy(api.Terminate('')), false),
    commit: () => guard(() => truthy(api.Commit('')), false),
    getValue: (element) => guard(() => String(api.GetValue(element) ?? ''), ''),
    setValue: (element, value) => guard(() => truthy(api.SetValue(element, value)), false),
    lastError: () => guard(() => Number(api.GetLastError()) || 0, 101),
    describeError: (code) =>
      `${code} ${guard(() => String(api.GetErrorString(String(code))), '')}`.trim(),
  };
}
