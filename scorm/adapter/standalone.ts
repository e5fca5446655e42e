import type { Effect } from '../../src/engine/index.ts';
import type { CourseSession, SessionHealth } from '../../src/session.ts';
import { HealthListeners } from './listeners.ts';
import { OTHER_WINDOW_MESSAGE, watchForNewerWindow } from './other-windows.ts';
import { readJson, removeItem, writeJson } from '../../src/storage.ts';

/**
 * The session when no LMS is found (a file share, a plain web server, the dev server): progress is
 * kept in this browser's localStorage under `storageKey`, and nothing is reported anywhere. Every
 * storage access is guarded: storage can be blocked (privacy settings, sandboxed frames) or full,
 * and the course must carry on regardless, telling the learner through `onHealthChange`.
 */
export function createStandaloneSession(storageKey: string): CourseSession {
  const listeners = new HealthListeners();
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
    listeners.tell(health);
  };

  let latest: StoredProgress = { state: saved.state, location: saved.location };
  /** The course was opened in a newer window on this device: this one stores nothing more. */
  let handedOver = false;
  const store = () => {
    // A copy that cannot be stored reaches the learner: the warning above.
    if (!handedOver) report(writeJson(storageKey, latest));
  };
  // Two windows would each store over the other, the one closed last winning with older work:
  // the newer window (which started from the latest copy) is the one that stores.
  watchForNewerWindow(storageKey, () => {
    if (handedOver) return;
    store();
    handedOver = true;
    listeners.tell({ ok: false, message: OTHER_WINDOW_MESSAGE });
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
    forget() {
      latest = { state: '', location: '' };
      return removeItem(storageKey);
    },
    onHealthChange(listener) {
      listeners.add(listener);
    },
  };
}

interface StoredProgress {
  readonly state: string;
  readonly location: string;
}

/**
 * What an earlier launch stored, or nothing (a first launch, blocked storage, a damaged copy: the
 * course starts afresh, and a store that fails later tells the learner). Copies stored by earlier
 * versions also carry a `savedAt` that nothing reads: it is ignored.
 */
function readSaved(key: string): StoredProgress {
  const { state, location } = readJson(key) ?? {};
  return {
    state: typeof state === 'string' ? state : '',
    location: typeof location === 'string' ? location : '',
  };
}
