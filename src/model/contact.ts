import type { Contact } from './course.ts';

/**
 * A contact in one line of plain text, as content and the views say it: the name or role, then
 * how to reach them and when, e.g. "Sam Patel, Designated Safeguarding Lead, on 01632 960 001 or
 * dsl@example.org (Monday to Friday, 9am to 5pm; out of hours: 01632 960 999)". A contact with a
 * role only (the neutral edition) is just the role.
 */
export function describeContact(contact: Contact): string {
  const how = [contact.phone, contact.email].filter(Boolean).join(' or ');
  const when = [contact.hours, contact.outOfHours && `out of hours: ${contact.outOfHours}`]
    .filter(Boolean)
    .join('; ');
  return `${contact.who}${how ? `, on ${how}` : ''}${when ? ` (${when})` : ''}`;
}
