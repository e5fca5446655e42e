import type { InteractionResponse } from '../../src/engine/index.ts';
import type { ScormVersion } from '../version.ts';

/**
 * Pure formatting of values for the two SCORM data models. Every function returns a value the
 * version's data model accepts as is: times in its own format, identifiers in its own pattern,
 * strings clamped to its limits. Nothing here touches the LMS or the clock.
 */

/** Hard limits of the data models (SCORM 1.2 RTE 3.4; SCORM 2004 4th RTE 4.2). */
export const LIMITS = Object.freeze({
  '1.2': { location: 255, suspendData: 4096, identifier: 255, response: 255 },
  '2004': {
    location: 1000,
    suspendData: 64000,
    identifier: 4000,
    response: 4000,
    description: 250,
  },
});

/** Clamps to `max` characters without splitting a UTF-16 surrogate pair. */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Elapsed time for session_time and latency.
 * - 1.2 CMITimespan `HHHH:MM:SS.SS` (hours 2–4 digits, at most 9999:59:59.99).
 * - 2004 ISO 8601 duration `PT#H#M#S`, at most 2 decimals on the seconds.
 */
export function formatDuration(version: ScormVersion, milliseconds: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(milliseconds) ? milliseconds : 0) / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  if (version === '1.2') {
    if (hours > 9999) return '9999:59:59.99';
    const whole = Math.floor(seconds);
    const fraction = Math.round((seconds - whole) * 100);
    return (
      `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:` +
      `${String(whole).padStart(2, '0')}` +
      (fraction > 0 ? `.${String(fraction).padStart(2, '0')}` : '')
    );
  }
  let text = 'PT';
  if (hours > 0) text += `${hours}H`;
  if (minutes > 0) text += `${minutes}M`;
  // Number → string keeps at most the 2 decimals centiseconds give (no trailing zeros).
  text += `${Number(seconds.toFixed(2))}S`;
  return text;
}

/** 1.2 CMITime, a time of day: `HH:MM:SS` (the learner's local clock). */
export function formatTimeOfDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * 2004 time(second,10,0): ISO 8601 in UTC with at most 2 fractional-second digits (`toISOString`
 * gives 3), years 1970–2038.
 */
export function formatTimestamp(date: Date): string {
  const earliest = Date.UTC(1970, 0, 1);
  const latest = Date.UTC(2038, 0, 19);
  const clamped = new Date(Math.min(latest, Math.max(earliest, date.getTime())));
  return clamped.toISOString().replace(/\.(\d{2})\dZ$/, '.$1Z');
}

/** 1.2 CMIIdentifier as this course uses it: `^[A-Za-z0-9_-]{1,255}$`. */
const ID_12 = /^[A-Za-z0-9_-]{1,255}$/;
/** 2004 long_identifier_type: a URI with no spaces; kept to URI-safe characters. */
const ID_2004 = /^[A-Za-z0-9_\-.~:]{1,4000}$/;

export function isValidIdentifier(version: ScormVersion, id: string): boolean {
  if (version === '2004') return ID_2004.test(id) && !/^urn:/i.test(id);
  return ID_12.test(id);
}

/**
 * Any text → an identifier the version accepts: characters outside the pattern become `_`,
 * clamped to the version's length; an empty result becomes `id`.
 */
export function sanitiseIdentifier(version: ScormVersion, id: string): string {
  const pattern = version === '1.2' ? /[^A-Za-z0-9_-]/g : /[^A-Za-z0-9_\-.~:]/g;
  let clean = clamp(id.replace(pattern, '_'), LIMITS[version].identifier);
  if (version === '2004' && /^urn:/i.test(clean)) clean = clean.replace(/^urn:/i, 'urn_');
  return clean === '' ? 'id' : clean;
}

/**
 * One response identifier: 1.2 wants a single character `[0-9a-z]` (choice, sequencing, matching);
 * 2004 a short identifier (URI-safe, ≤ 250). Ids that do not fit are sanitised, never dropped.
 */
export function responseId(version: ScormVersion, id: string): string {
  if (version === '1.2') {
    const char = id.toLowerCase().replace(/[^0-9a-z]/g, '')[0];
    return char ?? '0';
  }
  return clamp(sanitiseIdentifier('2004', id), 250);
}

/**
 * A response (or a correct-response pattern) in the version's format:
 * - 1.2: choice `a,c`; sequencing `b,a,c`; matching `1.a,2.b`; true-false `t` / `f`.
 * - 2004: choice `a[,]c`; sequencing `b[,]a[,]c`; matching `1[.]a[,]2[.]b`; true-false `true` / `false`.
 */
export function formatResponse(version: ScormVersion, response: InteractionResponse): string {
  const list = version === '1.2' ? ',' : '[,]';
  const pair = version === '1.2' ? '.' : '[.]';
  const id = (value: string) => responseId(version, value);
  let text: string;
  switch (response.type) {
    case 'true-false':
      text = version === '1.2' ? (response.value ? 't' : 'f') : String(response.value);
      break;
    case 'choice':
    case 'sequencing':
      text = response.ids.map(id).join(list);
      break;
    case 'matching':
      text = response.pairs
        .map(([source, target]) => `${id(source)}${pair}${id(target)}`)
        .join(list);
      break;
  }
  return clamp(text, LIMITS[version].response);
}

/** Interaction result: 2004 says `incorrect`, 1.2 says `wrong`. */
export function formatResult(
  version: ScormVersion,
  result: 'correct' | 'incorrect' | 'neutral',
): string {
  if (result === 'incorrect') return version === '1.2' ? 'wrong' : 'incorrect';
  return result;
}

/** A decimal with at most `digits` decimals and no exponent (CMIDecimal / real(10,7)). */
export function formatDecimal(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '0';
  return String(Number(value.toFixed(digits)));
}

/** 0–100 score, rounded to 2 decimals and clamped. */
export const formatScore = (score: number) => formatDecimal(Math.min(100, Math.max(0, score)));

/** 0–1 (progress_measure, scaled score of a 0–100 score), clamped. */
export const formatScaled = (fraction: number) =>
  formatDecimal(Math.min(1, Math.max(0, fraction)), 4);

/** Vocabulary values from an LMS, compared case-insensitively: trimmed and lower-cased. */
export const vocabulary = (value: string) => value.trim().toLowerCase();
