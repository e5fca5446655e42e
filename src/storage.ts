/**
 * This browser's localStorage, guarded: it can be missing (Node), blocked (privacy settings,
 * sandboxed frames) or full, and the course must carry on regardless. Nothing here throws: a
 * failure comes back as `undefined` or `false`, and each caller says what that means for it
 * (scorm/adapter/standalone.ts tells the learner; the LMS session's device copy is a fallback, see
 * scorm/adapter/local-copy.ts; the reflection notes and the record's typed name say on screen that
 * they were not kept). The one place the course touches localStorage.
 */

/** The object stored as JSON under `key`; undefined when there is none or it cannot be read. */
export function readJson(key: string): Record<string, unknown> | undefined {
  const raw = readText(key);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    // Not JSON (damaged, or written by something else): the caller is told there is none.
    return undefined;
  }
}

/** Stores `value` as JSON under `key`; false when storage is missing, blocked or full. */
export function writeJson(key: string, value: unknown): boolean {
  return writeText(key, JSON.stringify(value));
}

/** The text under `key`; undefined when there is none or storage is missing or blocked. */
export function readText(key: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(key) ?? undefined;
  } catch {
    // Blocked storage: the caller is told there is nothing.
    return undefined;
  }
}

/** Stores `value` under `key`; false when storage is missing, blocked or full. */
export function writeText(key: string, value: string): boolean {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    // Blocked or full storage: the caller is told it was not stored.
    return false;
  }
}

/** Removes `key`; false when storage is missing or blocked (the entry may still be there). */
export function removeItem(key: string): boolean {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return false;
    storage.removeItem(key);
    return true;
  } catch {
    // Blocked storage: the caller is told it was not removed.
    return false;
  }
}

/**
 * Every key that starts with `prefix`; undefined when storage is missing or blocked (so a caller
 * that must remove them can say it could not).
 */
export function keysStartingWith(prefix: string): string[] | undefined {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  } catch {
    // Blocked storage: the caller is told it cannot see what is there.
    return undefined;
  }
}
