/**
 * Two windows of the same course for the same learner (a second launch from the LMS, a tab opened
 * twice) would each save over the other, and the one closed last would win with the older work
 * (issue 16 case 6). Each session announces itself on its learner's key when it opens; a window
 * already open hears it and stops saving, so the newer window, which started from the latest copy
 * on this device, is the one that saves.
 *
 * BroadcastChannel where the browser has it; else a `storage` event on a key of its own (fired in
 * the other windows of the same origin only).
 */
export interface WindowWatch {
  /** Stop listening (the session has ended). */
  close(): void;
}

/** Announces this window under `key` and calls `onNewer` when a later window announces itself. */
export function watchForNewerWindow(key: string, onNewer: () => void): WindowWatch {
  const name = `sg-window:${key}`;
  const Channel = globalThis.BroadcastChannel;
  if (typeof Channel === 'function') {
    try {
      const channel = new Channel(name);
      channel.onmessage = (event: MessageEvent) => {
        if (event.data === 'opened') onNewer();
      };
      channel.postMessage('opened');
      return { close: () => channel.close() };
    } catch (error) {
      // An opaque origin (a sandboxed frame) may refuse a channel: try the storage event below.
      console.warn('Cannot watch for another window of this course (BroadcastChannel):', error);
    }
  }
  const storage = globalThis.localStorage;
  if (!storage || typeof addEventListener !== 'function') return { close() {} };
  const onStorage = (event: StorageEvent) => {
    if (event.key === name && event.newValue) onNewer();
  };
  try {
    // A new value each time, so that the other windows always get an event.
    storage.setItem(name, `${Date.now()}:${Math.random()}`);
  } catch (error) {
    console.warn('Cannot watch for another window of this course (storage):', error);
    return { close() {} };
  }
  addEventListener('storage', onStorage);
  return { close: () => removeEventListener('storage', onStorage) };
}

/** Said in the window that stops saving because the course was opened in another. */
export const OTHER_WINDOW_MESSAGE =
  'This course is open in another window. Carry on there; this window will not save.';
