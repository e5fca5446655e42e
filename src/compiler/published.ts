const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * A review's publication date as a learner in the UK reads it: `2017` → "2017", `2017-05` →
 * "May 2017", `2017-05-02` → "2 May 2017"; `not stated in the source` → "" (nothing to say);
 * `undefined` for a date that does not exist (the schema checks only its shape).
 */
export function publishedLabel(given: string): string | undefined {
  if (given === 'not stated in the source') return '';
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(given);
  if (!match) return undefined;
  const [, year = '', month, day] = match;
  if (month === undefined) return year;
  const name = MONTHS[Number(month) - 1];
  if (name === undefined) return undefined;
  if (day === undefined) return `${name} ${year}`;
  const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(day) < 1 || Number(day) > lastDay) return undefined;
  return `${Number(day)} ${name} ${year}`;
}
