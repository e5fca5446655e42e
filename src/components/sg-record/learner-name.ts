import { readText, removeItem, writeText } from '../../storage.ts';
import { notesOwner } from '../sg-reflection/notes-store.ts';

/**
 * The name a learner types for their record of learning when the LMS gives none (standalone, or
 * an LMS that keeps the name to itself). Kept like their notes: in this browser only, under their
 * learner (see notes-store.ts). The key sits under the notes' own `sg-notes:<owner>:` prefix, so
 * "Remove my notes from this computer" removes the name too. Never throws (src/storage.ts).
 */
export function learnerNameKey(owner: string): string {
  return `sg-notes:${owner}:learner-name`;
}

/** The name this learner typed before, or '' (none, or storage blocked). */
export function loadLearnerName(lmsLearnerId: string | undefined): string {
  const owner = notesOwner(lmsLearnerId);
  return owner ? (readText(learnerNameKey(owner)) ?? '') : '';
}

/** Keeps the typed name; false when storage is blocked or full (the record still shows it). */
export function saveLearnerName(lmsLearnerId: string | undefined, name: string): boolean {
  const owner = notesOwner(lmsLearnerId);
  if (!owner) return false;
  return name.trim() === ''
    ? removeItem(learnerNameKey(owner))
    : writeText(learnerNameKey(owner), name);
}
