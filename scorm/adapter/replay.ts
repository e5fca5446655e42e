import { MAX_INTERACTIONS, MAX_OBJECTIVES, type CmiWrite, type Tracking } from './data-model.ts';
import type { ScormVersion } from '../version.ts';

/**
 * Interactions and module objectives the LMS never confirmed (refused, or written but never
 * committed before the page closed or the LMS went away) are kept with the device's copy and sent
 * again at the next launch (issue 16 case 8: before, an outage lost them for good and only the
 * level's result was replayed). Pure: the session keeps the list and sends what this plans.
 *
 * Bounds: the writes of the same learner and level on the same device, only into the attempt they
 * belong to (the device's copy wins at launch, or the LMS holds the same state), at most
 * MAX_UNCONFIRMED writes (a whole advanced level makes about 1,850), each element once (its
 * latest value), and within SCORM 2004's 250 interactions and 100 objectives.
 */
export const MAX_UNCONFIRMED = 2000;

const ELEMENT =
  /^cmi\.(interactions|objectives)\.(\d{1,4})\.([a-z_]+(?:\.[a-z_]+|\.\d{1,4}\.[a-z_]+)?)$/;

/** Only interaction and objective writes, each element once (its latest value), newest last. */
export function keepUnconfirmed(
  list: readonly CmiWrite[],
  more: readonly CmiWrite[] = [],
): CmiWrite[] {
  const byElement = new Map<string, CmiWrite>();
  for (const write of [...list, ...more]) {
    if (!ELEMENT.test(write.element) || typeof write.value !== 'string') continue;
    byElement.delete(write.element);
    byElement.set(write.element, { element: write.element, value: write.value });
  }
  return [...byElement.values()].slice(-MAX_UNCONFIRMED);
}

/** Read back from storage: anything that is not such a write is left out. */
export function readUnconfirmed(value: unknown): CmiWrite[] {
  if (!Array.isArray(value)) return [];
  return keepUnconfirmed(
    value.filter(
      (w): w is CmiWrite =>
        typeof w === 'object' &&
        w !== null &&
        typeof (w as CmiWrite).element === 'string' &&
        typeof (w as CmiWrite).value === 'string',
    ),
  );
}

/**
 * The writes that send `unconfirmed` to the LMS as it is now (`tracking`, read at launch), and the
 * tracking after them. Each record goes back where it belongs, never as a second copy:
 * - an interaction to the index that holds its id (2004 reads ids back); else, in 1.2 (which
 *   cannot), to its own index when the LMS's count reaches it (written over with the same values,
 *   if the LMS had it), else at the end;
 * - an objective to the index that holds its id, else at the end (its id written first).
 * A record without its id is left out: where it belongs cannot be known.
 */
export function replayUnconfirmed(
  version: ScormVersion,
  unconfirmed: readonly CmiWrite[],
  tracking: Tracking,
): { writes: CmiWrite[]; tracking: Tracking } {
  const groups = new Map<string, { family: string; index: number; fields: Map<string, string> }>();
  for (const { element, value } of unconfirmed) {
    const match = ELEMENT.exec(element);
    if (!match) continue;
    const [, family = '', index = '', field = ''] = match;
    const key = `${family}.${index}`;
    const group = groups.get(key) ?? { family, index: Number(index), fields: new Map() };
    group.fields.set(field, value);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => a.index - b.index);

  const writes: CmiWrite[] = [];
  const interactionIds = [...(tracking.interactionIds ?? [])];
  while (interactionIds.length < tracking.interactions) interactionIds.push('');
  let interactions = tracking.interactions;
  const objectives = [...tracking.objectives];

  for (const { family, index, fields } of ordered) {
    const id = fields.get('id');
    if (!id) continue;
    let at: number;
    if (family === 'interactions') {
      at = interactionIds.indexOf(id);
      if (at < 0 && version === '1.2') at = Math.min(index, interactions);
      if (at < 0) {
        if (interactions >= MAX_INTERACTIONS) continue;
        at = interactions;
      }
      if (at >= interactions) interactions = at + 1;
      interactionIds[at] = id;
    } else {
      at = objectives.indexOf(id);
      if (at < 0) {
        if (objectives.length >= MAX_OBJECTIVES) continue;
        at = objectives.length;
        objectives.push(id);
      } else fields.delete('id');
    }
    // The id first, then the type (a response before its type is refused), then the rest.
    const order = [...fields.keys()].sort((a, b) => rank(a) - rank(b));
    for (const field of order)
      writes.push({ element: `cmi.${family}.${at}.${field}`, value: fields.get(field)! });
  }
  return {
    writes,
    tracking: { ...tracking, interactions, interactionIds, objectives },
  };
}

const rank = (field: string) => (field === 'id' ? 0 : field === 'type' ? 1 : 2);
