import { describe, expect, it } from 'vitest';
import {
  clamp,
  formatDuration,
  formatResponse,
  formatResult,
  formatScaled,
  formatScore,
  formatTimeOfDay,
  formatTimestamp,
  isValidIdentifier,
  responseId,
  sanitiseIdentifier,
  vocabulary,
} from '../../../scorm/adapter/format.ts';

const TIMESPAN_12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const DURATION_2004 =
  /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;

describe('formatDuration', () => {
  it('writes 1.2 session time as HH:MM:SS with optional hundredths', () => {
    expect(formatDuration('1.2', 0)).toBe('00:00:00');
    expect(formatDuration('1.2', 3_723_450)).toBe('01:02:03.45');
    expect(formatDuration('1.2', 100 * 3600_000)).toBe('100:00:00');
  });

  it('caps 1.2 session time at 9999 hours', () => {
    expect(formatDuration('1.2', 20_000 * 3600_000)).toBe('9999:59:59.99');
  });

  it('writes 2004 session time as an ISO 8601 duration with at most 2 decimals', () => {
    expect(formatDuration('2004', 0)).toBe('PT0S');
    expect(formatDuration('2004', 3_723_456)).toBe('PT1H2M3.46S');
    expect(formatDuration('2004', 59_999)).toBe('PT1M0S');
  });

  it('always matches each version’s pattern, even for odd inputs', () => {
    for (const ms of [-5, 0.4, 1, 999, 59_995, 3_599_999, 86_400_001, Number.NaN]) {
      expect(formatDuration('1.2', ms)).toMatch(TIMESPAN_12);
      expect(formatDuration('2004', ms)).toMatch(DURATION_2004);
    }
  });
});

describe('times of day and timestamps', () => {
  it('writes a 1.2 interaction time as HH:MM:SS', () => {
    expect(formatTimeOfDay(new Date(2026, 10, 23, 9, 5, 7, 890))).toBe('09:05:07');
  });

  it('trims a 2004 timestamp to 2 fractional-second digits', () => {
    expect(formatTimestamp(new Date(Date.UTC(2026, 10, 23, 13, 45, 6, 789)))).toBe(
      '2026-11-23T13:45:06.78Z',
    );
  });

  it('keeps 2004 timestamps within the years 1970–2038', () => {
    expect(formatTimestamp(new Date(Date.UTC(2040, 0, 1)))).toMatch(/^2038-/);
    expect(formatTimestamp(new Date(-1000))).toMatch(/^1970-/);
  });
});

describe('identifiers', () => {
  it('replaces characters outside the 1.2 pattern', () => {
    const id = sanitiseIdentifier('1.2', 'child-h/first referral.q1');
    expect(id).toBe('child-h_first_referral_q1');
    expect(isValidIdentifier('1.2', id)).toBe(true);
  });

  it('keeps dots in 2004 ids but no spaces, and never starts with urn:', () => {
    expect(sanitiseIdentifier('2004', 'child-h.q1 x')).toBe('child-h.q1_x');
    expect(sanitiseIdentifier('2004', 'urn:bad id')).not.toMatch(/^urn:/i);
  });

  it('clamps ids to each version’s length and never returns an empty id', () => {
    expect(sanitiseIdentifier('1.2', 'x'.repeat(300))).toHaveLength(255);
    expect(sanitiseIdentifier('1.2', '')).toBe('id');
  });

  it('makes 1.2 response ids single characters', () => {
    expect(responseId('1.2', 'B')).toBe('b');
    expect(responseId('1.2', 'option-3')).toBe('o');
    expect(responseId('2004', 'option 3')).toBe('option_3');
  });
});

describe('formatResponse', () => {
  const cases = [
    [{ type: 'choice', ids: ['a', 'c'] }, 'a,c', 'a[,]c'],
    [{ type: 'sequencing', ids: ['b', 'a', 'c'] }, 'b,a,c', 'b[,]a[,]c'],
    [
      {
        type: 'matching',
        pairs: [
          ['1', 'a'],
          ['2', 'b'],
        ],
      },
      '1.a,2.b',
      '1[.]a[,]2[.]b',
    ],
    [{ type: 'true-false', value: true }, 't', 'true'],
    [{ type: 'true-false', value: false }, 'f', 'false'],
  ] as const;

  for (const [response, v12, v2004] of cases) {
    it(`writes a ${response.type} response as ${v12} (1.2) and ${v2004} (2004)`, () => {
      expect(formatResponse('1.2', response)).toBe(v12);
      expect(formatResponse('2004', response)).toBe(v2004);
    });
  }
});

describe('small values', () => {
  it('says wrong in 1.2 and incorrect in 2004', () => {
    expect(formatResult('1.2', 'incorrect')).toBe('wrong');
    expect(formatResult('2004', 'incorrect')).toBe('incorrect');
    expect(formatResult('1.2', 'neutral')).toBe('neutral');
  });

  it('clamps scores to 0–100 and fractions to 0–1', () => {
    expect(formatScore(123)).toBe('100');
    expect(formatScore(66.666)).toBe('66.67');
    expect(formatScaled(-0.2)).toBe('0');
    expect(formatScaled(0.8)).toBe('0.8');
  });

  it('clamps text without splitting a surrogate pair', () => {
    expect(clamp('ab😀', 3)).toBe('ab');
    expect(clamp('abc', 5)).toBe('abc');
  });

  it('reads LMS vocabularies case-insensitively', () => {
    expect(vocabulary(' Resume ')).toBe('resume');
  });
});
