import { describe, expect, it } from 'vitest';
import { checkValue, createStrictApi } from '../../../scorm/preview/strict-checks.ts';

/** A permissive fake LMS (like scorm-again's 1.2 side): accepts anything. */
function lax12() {
  return {
    LMSInitialize: () => 'true',
    LMSFinish: () => 'true',
    LMSGetValue: () => '',
    LMSSetValue: () => 'true',
    LMSCommit: () => 'true',
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
    LMSGetDiagnostic: () => '',
  };
}

function lax2004() {
  return {
    Initialize: () => 'true',
    Terminate: () => 'true',
    GetValue: () => '',
    SetValue: () => 'true',
    Commit: () => 'true',
    GetLastError: () => '0',
    GetErrorString: () => '',
    GetDiagnostic: () => '',
  };
}

describe('the strict observer', () => {
  it('flags calls before Initialize, after Finish, and a second Initialize', () => {
    const { api, violations } = createStrictApi('1.2', lax12());
    api.LMSSetValue!('cmi.core.lesson_location', 'x');
    api.LMSInitialize!('');
    api.LMSInitialize!('');
    api.LMSFinish!('');
    api.LMSCommit!('');
    expect(violations).toEqual([
      'LMSSetValue called before LMSInitialize',
      'LMSInitialize called 2 times',
      'LMSCommit called after LMSFinish',
    ]);
  });

  it('lets a SCO try Initialize again after the LMS refused it, and flags calls before it succeeds', () => {
    let refuse = true;
    const lms = { ...lax12(), LMSInitialize: () => (refuse ? 'false' : 'true') };
    const { api, violations } = createStrictApi('1.2', lms);
    api.LMSInitialize!('');
    api.LMSGetValue!('cmi.core.entry');
    refuse = false;
    api.LMSInitialize!('');
    api.LMSFinish!('');
    expect(violations).toEqual(['LMSGetValue called before LMSInitialize']);
  });

  it('flags a Commit right before Terminate in 2004', () => {
    const { api, violations } = createStrictApi('2004', lax2004());
    api.Initialize!('');
    api.Commit!('');
    api.Terminate!('');
    expect(violations).toEqual([
      'Commit immediately before Terminate (Cornerstone rejects it: 391)',
    ]);
  });

  it('flags a non-zero GetLastError after a call', () => {
    const lms = { ...lax2004(), GetLastError: () => '406' };
    const { api, violations } = createStrictApi('2004', lms);
    api.Initialize!('');
    expect(violations).toEqual(['Initialize("") → error 406']);
  });
});

describe('checkValue (the checks scorm-again skips for 1.2)', () => {
  it('rejects 1.2 suspend_data over 4096 and a lesson_location over 255', () => {
    expect(checkValue('1.2', 'cmi.suspend_data', 'x'.repeat(4097))).toHaveLength(1);
    expect(checkValue('1.2', 'cmi.suspend_data', 'x'.repeat(4096))).toEqual([]);
    expect(checkValue('1.2', 'cmi.core.lesson_location', 'x'.repeat(256))).toHaveLength(1);
  });

  it('rejects a malformed 1.2 session_time and a 2004 one with 3 decimals', () => {
    expect(checkValue('1.2', 'cmi.core.session_time', 'PT1S')).toHaveLength(1);
    expect(checkValue('1.2', 'cmi.core.session_time', '0000:01:02.5')).toEqual([]);
    expect(checkValue('2004', 'cmi.session_time', 'PT1.234S')).toHaveLength(1);
    expect(checkValue('2004', 'cmi.session_time', 'PT1H2M3.45S')).toEqual([]);
  });

  it('rejects a 2004 timestamp with 3 fractional digits and a description over 250', () => {
    expect(
      checkValue('2004', 'cmi.interactions.0.timestamp', '2026-11-23T10:00:00.123Z'),
    ).toHaveLength(1);
    expect(checkValue('2004', 'cmi.interactions.0.timestamp', '2026-11-23T10:00:00.12Z')).toEqual(
      [],
    );
    expect(checkValue('2004', 'cmi.interactions.0.description', 'x'.repeat(251))).toHaveLength(1);
  });

  it('rejects 1.2 ids with dots or spaces, wrong results and 2004 separators', () => {
    const types = new Map([['0', 'choice']]);
    expect(checkValue('1.2', 'cmi.interactions.0.id', 'child-h.q1')).toHaveLength(1);
    expect(checkValue('1.2', 'cmi.interactions.0.result', 'incorrect')).toHaveLength(1);
    expect(checkValue('1.2', 'cmi.interactions.0.student_response', 'a[,]b', types)).toHaveLength(
      1,
    );
    expect(checkValue('1.2', 'cmi.interactions.0.student_response', 'a,b', types)).toEqual([]);
    expect(checkValue('1.2', 'cmi.core.lesson_status', 'not attempted')).toHaveLength(1);
  });

  it('checks 2004 responses against the interaction type', () => {
    const types = new Map([
      ['0', 'matching'],
      ['1', 'true-false'],
    ]);
    expect(
      checkValue('2004', 'cmi.interactions.0.learner_response', '1[.]a[,]2[.]b', types),
    ).toEqual([]);
    expect(
      checkValue('2004', 'cmi.interactions.0.learner_response', '1.a,2.b', types),
    ).toHaveLength(1);
    expect(checkValue('2004', 'cmi.interactions.1.learner_response', 't', types)).toHaveLength(1);
    expect(checkValue('2004', 'cmi.interactions.0.result', 'wrong')).toHaveLength(1);
  });
});

describe('fault modes (an LMS that misbehaves on purpose)', () => {
  /** A 1.2 LMS that keeps what it is given, like scorm-again. */
  function keeping12() {
    const data = new Map<string, string>();
    return {
      ...lax12(),
      LMSGetValue: (element: string) => data.get(element) ?? '',
      LMSSetValue: (element: string, value: string) => {
        data.set(element, value);
        return 'true';
      },
    };
  }

  it('switch on and off mid-session, and answer with the error a real LMS gives', () => {
    const { api, faults } = createStrictApi('1.2', keeping12(), { faults: [] });
    api.LMSInitialize!('');
    expect(api.LMSSetValue!('cmi.suspend_data', 'x'.repeat(300))).toBe('true');
    faults.add('cap-state-255');
    api.LMSSetValue!('cmi.suspend_data', 'y'.repeat(300));
    expect(api.LMSGetValue!('cmi.suspend_data')).toHaveLength(255);
    faults.add('no-optional');
    expect(api.LMSSetValue!('cmi.interactions.0.id', 'q1')).toBe('false');
    expect(api.LMSGetLastError!()).toBe('401');
    expect(api.LMSSetValue!('cmi.core.lesson_location', 'here')).toBe('true');
    faults.add('end-session');
    expect(api.LMSCommit!('')).toBe('false');
    expect(api.LMSGetLastError!()).toBe('301');
    faults.clear();
    expect(api.LMSCommit!('')).toBe('true');
  });

  it('pad, "null", a huge state and an unclear Terminate, as the SCO reads them', () => {
    const { api, faults } = createStrictApi('2004', lax2004(), {
      faults: ['null-state', 'terminate-junk'],
    });
    api.Initialize!('');
    expect(api.GetValue!('cmi.suspend_data')).toBe('null');
    faults.add('huge-state');
    expect(api.GetValue!('cmi.suspend_data').length).toBeGreaterThan(10_000_000);
    expect(api.Terminate!('')).toMatch(/^<div[^]*\ntrue\n0$/);
  });

  it('end-session and throw can start after a number of calls (the preview’s ?after=)', () => {
    const { api } = createStrictApi('2004', lax2004(), { faults: ['throw'], faultsAfterCalls: 2 });
    expect(api.Initialize!('')).toBe('true');
    expect(api.GetValue!('cmi.entry')).toBe('');
    expect(() => api.GetValue!('cmi.entry')).toThrow();
  });
});
