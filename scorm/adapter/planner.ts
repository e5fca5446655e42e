import type { Effect } from '../../src/engine/index.ts';
import {
  ELEMENTS,
  exitValue,
  launchWrites,
  planEffects,
  stateWrites,
  type Clock,
  type CmiWrite,
  type Tracking,
} from './data-model.ts';
import type { ScormVersion } from '../version.ts';
import { LIMITS } from './format.ts';
import { optionalFamily } from './lms-writer.ts';
import type { LocalCopy } from './local-copy.ts';
import { keepUnconfirmed, replayUnconfirmed } from './replay.ts';
import { sealState } from './saved-state.ts';

/** What the launch's writes depend on (see Planner.plan). */
export interface LaunchFacts {
  /** The LMS records the level as finished. */
  readonly complete: boolean;
  readonly status: string;
  readonly entry: string;
  /** The level's module ids: one objective each on a first launch. */
  readonly modules: readonly string[];
  /** Interaction and objective writes an earlier launch on this device left unconfirmed. */
  readonly toReplay: readonly CmiWrite[];
}

/**
 * The writes of a session, planned behind the view: learner events and the latest state wait here
 * until a flush plans them (after the next view is on screen). Events planned together share one
 * suspend_data/location write and at most one Commit; the launch's own writes go first. The
 * interaction and objective writes planned are noted in the device's copy as unconfirmed (until a
 * Commit confirms them). No LMS calls but the counts' first read (`readTracking`).
 */
export class Planner {
  readonly #version: ScormVersion;
  readonly #names;
  #tracking: Tracking | undefined;
  #launchPlanned: boolean;
  #events: { readonly effects: readonly Effect[]; readonly clock: Clock }[] = [];
  #state: { readonly state: string; readonly location: string } | undefined;
  /** What was last planned (the location is written once even if the LMS has it). */
  #written: { readonly state: string; readonly location: string | undefined };
  /** A Commit should follow the writes planned. */
  commitWanted = false;

  /**
   * @param launch undefined in review mode: nothing is written, not even at launch.
   * @param lmsState the state the LMS holds at launch (not written again).
   */
  constructor(
    version: ScormVersion,
    private readonly launch: LaunchFacts | undefined,
    private readonly readTracking: () => Tracking,
    private readonly local: LocalCopy,
    private readonly unsupported: ReadonlySet<string>,
    lmsState: string,
  ) {
    this.#version = version;
    this.#names = ELEMENTS[version];
    this.#launchPlanned = launch === undefined;
    this.#written = { state: lmsState, location: undefined };
  }

  /** The LMS's counts and ids as this session has moved them on (read once, when first needed). */
  tracking(): Tracking {
    return (this.#tracking ??= this.readTracking());
  }

  /** The state last planned for the LMS. */
  get plannedState(): string {
    return this.#written.state;
  }

  /** A learner event's effects, planned at the next flush. */
  addEvent(effects: readonly Effect[], clock: Clock): void {
    this.#events.push({ effects, clock });
  }

  /** The learner's latest state: only the last before a flush is written. */
  setState(state: string, location: string): void {
    this.#state = { state, location };
  }

  /** Turns what waits into writes: the launch's (the first time), the events', the state. */
  plan(): CmiWrite[] {
    const before = this.local.unconfirmed;
    const writes: CmiWrite[] = [];
    if (!this.#launchPlanned) {
      this.#launchPlanned = true;
      const launch = this.#launchWrites();
      writes.push(...launch);
      this.#noteUnconfirmed(launch);
      this.commitWanted = true;
    }
    const events = this.#events;
    this.#events = [];
    for (const { effects, clock } of events) {
      try {
        const plan = planEffects(this.#version, effects, this.tracking(), clock);
        this.#tracking = plan.tracking;
        writes.push(...plan.writes);
        this.#noteUnconfirmed(plan.writes);
        this.commitWanted ||= plan.commit;
      } catch (error) {
        // An event the data model cannot take (a bug in the course: data-model.test.ts) is
        // logged and dropped; the learner is not warned, as nothing of their progress is lost: the
        // state that holds it, and the other events, still go. What the LMS misses is that one
        // event's records in its reports.
        console.warn('A learner event could not be turned into LMS writes:', error);
      }
    }
    if (this.local.unconfirmed !== before) this.local.keep();
    const latest = this.#state;
    this.#state = undefined;
    if (latest) {
      const written = this.#written;
      const sealed = sealState(latest.state, LIMITS[this.#version].suspendData);
      writes.push(
        ...stateWrites(this.#version, sealed, latest.location).filter((w) =>
          w.element === this.#names.suspendData
            ? latest.state !== written.state
            : latest.location !== written.location,
        ),
      );
      // Every new state is committed (every screen, with the idle scheduling's batching), so a
      // page that closes without a working Terminate loses nothing but the session time.
      this.commitWanted ||= latest.state !== written.state;
      this.#written = latest;
    }
    return writes;
  }

  /**
   * After the session ended: an event's interactions and objectives are only noted on the device
   * (planned as far as known: never a call to the LMS now, so not at all if the counts were never
   * read). True when any were noted.
   */
  noteAfterEnd(effects: readonly Effect[], at: Date): boolean {
    if (!this.#tracking) return false;
    const plan = planEffects(this.#version, effects, this.#tracking, { now: at, latencyMs: null });
    this.#tracking = plan.tracking;
    this.#noteUnconfirmed(plan.writes);
    return true;
  }

  /**
   * Interaction and objective writes planned: unconfirmed until a Commit confirms them. An
   * objective's later writes do not name it, so its id goes with them.
   */
  #noteUnconfirmed(writes: readonly CmiWrite[]): void {
    const kept: CmiWrite[] = [];
    for (const w of writes) {
      const optional = optionalFamily(w.element);
      if (!optional || optional === 'adl.nav.request' || this.unsupported.has(optional)) continue;
      const objective = /^cmi\.objectives\.(\d+)\.(?!id$)/.exec(w.element)?.[1];
      const id =
        objective === undefined ? undefined : this.tracking().objectives[Number(objective)];
      if (id) kept.push({ element: `cmi.objectives.${objective}.id`, value: id });
      kept.push(w);
    }
    if (kept.length > 0) this.local.unconfirmed = keepUnconfirmed(this.local.unconfirmed, kept);
  }

  /**
   * The launch's writes, made by the first flush: the first launch's (status, exit, one objective
   * per module), then the interactions and objectives an earlier launch on this device wrote and
   * the LMS never confirmed, each where it belongs (replay.ts).
   */
  #launchWrites(): CmiWrite[] {
    const launch = this.launch!;
    const writes = this.#firstWrites(launch);
    // Replaced by the writes as planned now (their indexes may differ).
    this.local.unconfirmed = [];
    if (launch.toReplay.length === 0) return writes;
    const replayed = replayUnconfirmed(this.#version, launch.toReplay, this.tracking());
    this.#tracking = replayed.tracking;
    return [...writes, ...replayed.writes];
  }

  #firstWrites({ complete, status, entry, modules }: LaunchFacts): CmiWrite[] {
    const version = this.#version;
    if (complete) return [{ element: this.#names.exit, value: exitValue(version, true) }];
    const first = status !== 'incomplete' || entry === 'ab-initio';
    const objectives = first && this.tracking().objectives.length === 0 ? modules : [];
    const writes = launchWrites(version, objectives);
    if (objectives.length > 0)
      this.#tracking = {
        ...this.tracking(),
        objectives: writes
          .filter((w) => /^cmi\.objectives\.\d+\.id$/.test(w.element))
          .map((w) => w.value),
      };
    return status === 'incomplete'
      ? writes.filter((w) => w.element !== this.#names.status)
      : writes;
  }
}
