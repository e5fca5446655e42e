import type { Effect } from '../../src/engine/index.ts';
import type { CourseSession, SessionHealth } from '../../src/session.ts';
import { OTHER_WINDOW_MESSAGE, watchForNewerWindow } from './other-windows.ts';

/**
 * The session when no LMS is found (a file share, a plain web server, the dev server): progress is
 * kept in this browser's localStorage under `storageKey`, and nothing is reported anywhere. Every
 * storage access is guarded: storage can be blocked (privacy settings, sandboxed frames) or full,
 * and the course must carry on regardless, telling the learner through `onHealthChange`.
 */
export function createStandaloneSession(storageKey: string): CourseSession {
  const listeners: ((health: SessionHealth) => void)[] = [];
  let healthy = true;
  const saved = readSaved(storageKey);

  const report = (ok: boolean) => {
    if (ok === healthy) return;
    healthy = ok;
    const health: SessionHealth = ok
      ? { ok: true }
      : {
          ok: false,
          message:
            'Your progress cannot be saved on this device (browser storage is blocked or full). ' +
            'You can carry on, but if you close this window you will start again.',
        };
    for (const listener of listeners) {
      try {
        listener(health);
      } catch {
        // A listener's failure must not stop the course.
      }
    }
  };

  let latest: StoredProgress = { state: saved.state, location: saved.location };
  /** The course was opened in a newer window on this device: this one stores nothing more. */
  let handedOver = false;
  const store = () => {
    if (!handedOver) report(writeSaved(storageKey, latest));
  };
  const tellHandedOver = () => {
    const health: SessionHealth = { ok: false, message: OTHER_WINDOW_MESSAGE };
    for (const listener of listeners) {
      try {
        listener(health);
      } catch {
        // A listener's failure must not stop the course.
      }
    }
  };
  // Two windows would each store over the other, the one closed last winning with older work:
  // the newer window (which started from the latest copy) is the one that stores.
  watchForNewerWindow(storageKey, () => {
    if (handedOver) return;
    store();
    handedOver = true;
    tellHandedOver();
  });

  return {
    mode: 'standalone',
    savedState: saved.state,
    resumed: saved.state !== '',
    reviewOnly: false,
    levelComplete: false,
    apply(effects: readonly Effect[], state: string, location: string) {
      // Interactions, scores and completion are for an LMS; on this device only the state matters.
      latest = { state, location };
      if (effects.some((e) => e.type === 'save' || e.type === 'commit') || effects.length === 0)
        store();
    },
    finish() {
      store();
    },
    onHealthChange(listener) {
      listeners.push(listener);
    },
  };
}

interface StoredProgress {
  readonly state: string;
  readonly location: string;
}

function readSaved(key: string): StoredProgress {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return { state: '', location: '' };
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') {
      const { state, location } = parsed as Record<string, unknown>;
      return {
        state: typeof state === 'string' ? state : '',
        location: typeof location === 'string' ? location : '',
      };
    }
  } catch {
    // Blocked or corrupted storage: start afresh.
  }
  return { state: '', location: '' };
}

function writeSaved(key: string, progress: StoredProgress): boolean {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return false;
    storage.setItem(key, JSON.stringify({ ...progress, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}
