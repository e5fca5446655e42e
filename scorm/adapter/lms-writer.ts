import type { LmsApi } from './api.ts';
import { ELEMENTS, type CmiWrite } from './data-model.ts';
import type { ScormVersion } from '../version.ts';
import { WriteQueue } from './write-queue.ts';

/**
 * Elements an LMS may leave out: refused once with one of the version's "not implemented" errors,
 * they are not written again this session, and no alarm is raised (the learner's progress, status
 * and score do not depend on them).
 */
const OPTIONAL = /^(cmi\.interactions|cmi\.objectives|adl\.nav\.request)/;
const NOT_IMPLEMENTED: Record<ScormVersion, readonly number[]> = {
  // 401 not implemented, 402 keyword, 403 read only, 404 write only.
  '1.2': [401, 402, 403, 404],
  // 401 undefined, 402 unimplemented, 404 read only.
  '2004': [401, 402, 404],
};

/**
 * Errors that say the LMS has ended the session itself (timed out, or its own Terminate): 1.2
 * "not initialized"; 2004 data or Commit before initialisation or after termination. Nothing
 * more is sent; the device keeps the work for the next launch.
 */
const ENDED_BY_LMS: Record<ScormVersion, readonly number[]> = {
  '1.2': [301],
  '2004': [122, 123, 132, 133, 142, 143],
};

/** The optional family of an element (see OPTIONAL), or undefined for one that matters. */
export const optionalFamily = (element: string) => OPTIONAL.exec(element)?.[1];

/**
 * SetValue and Commit as the session makes them: each refused one tried again (`retries` more
 * times), an optional element the LMS does not implement dropped for the session, an LMS that
 * ended the session itself never called again; refused writes kept in the write queue.
 */
export class LmsWriter {
  readonly queue = new WriteQueue((element) => optionalFamily(element) === undefined);
  /** Optional families the LMS said it does not implement: not written again. */
  readonly unsupported = new Set<string>();
  /** Essential values written since the last Commit the LMS confirmed (see session.ts finish). */
  uncommitted = false;
  /** The exit value last written this session. */
  lastExit: string | undefined;
  #stopped = false;
  readonly #names;

  /**
   * @param events `ended`: the LMS ended the session (the writer has stopped);
   *   `unsupported`: the LMS does not implement an optional family (its refused writes are gone).
   */
  constructor(
    private readonly lms: LmsApi,
    private readonly retries: number,
    private readonly events: {
      readonly ended: () => void;
      readonly unsupported: (family: string) => void;
    },
  ) {
    this.#names = ELEMENTS[lms.version];
  }

  /** No more calls: Terminate was called, or the LMS ended the session itself. */
  get stopped(): boolean {
    return this.#stopped;
  }

  stop(): void {
    this.#stopped = true;
  }

  /** Writes now; a refused write is kept for a retry (a newer value replaces an older one). */
  write(writes: readonly CmiWrite[]): void {
    for (const write of writes) {
      if (this.#stopped) return;
      this.queue.send(write, this.#set);
    }
  }

  /** The refused writes again (see WriteQueue.retry). */
  retry(mode: 'until-refused' | 'all'): void {
    this.queue.retry(this.#set, mode);
  }

  /** Commit, with retries; true when the LMS took it. */
  commit(): boolean {
    let ok = false;
    for (let attempt = 0; attempt <= this.retries && !ok && !this.#stopped; attempt++) {
      ok = this.lms.commit();
      if (!ok && ENDED_BY_LMS[this.lms.version].includes(this.lms.lastError())) this.#ended();
    }
    if (ok && !this.queue.hasEssentialRefused) this.uncommitted = false;
    return ok;
  }

  /** The LMS's answer to a read of an optional element: false when it does not implement it. */
  implemented(family: string, code: number): boolean {
    if (!NOT_IMPLEMENTED[this.lms.version].includes(code)) return true;
    this.unsupported.add(family);
    return false;
  }

  /** True when written, or dropped because the LMS does not implement the element. */
  readonly #set = (write: CmiWrite): boolean => {
    if (this.#stopped) return false;
    const version = this.lms.version;
    const optional = optionalFamily(write.element);
    if (optional && this.unsupported.has(optional)) return true;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (this.lms.setValue(write.element, write.value)) {
        if (!optional && write.element !== this.#names.sessionTime) this.uncommitted = true;
        if (write.element === this.#names.exit) this.lastExit = write.value;
        return true;
      }
      const code = this.lms.lastError();
      if (optional && NOT_IMPLEMENTED[version].includes(code)) {
        // One refusal is enough: asking again only costs calls (and used to raise an alarm).
        this.unsupported.add(optional);
        this.queue.dropRefused((element) => optionalFamily(element) === optional);
        this.events.unsupported(optional);
        return true;
      }
      if (ENDED_BY_LMS[version].includes(code)) {
        this.#ended();
        return false;
      }
    }
    return false;
  };

  #ended(): void {
    this.#stopped = true;
    this.events.ended();
  }
}
