/**
 * The preview LMS page: launches a built package in a frame with scorm-again as the LMS behind the
 * strict observer, shows the CMI data and every API call live, and keeps the attempt across
 * reloads (localStorage, loaded before Initialize, entry=resume) until "Reset attempt".
 * Served as is by server.ts (transpiled, not bundled): relative imports only.
 */
import {
  createStrictApi,
  FAULTS,
  type ApiCall,
  type Fault,
  type StrictApi,
} from './strict-checks.ts';
import { createMoodleMode, relaunchData, type MoodleMode } from './moodle-mode.ts';
// Types only: erased when server.ts transpiles this file, so the page loads neither file.
import type { ScormVersion } from '../version.ts';
import type { PackageInfo } from './server.ts';

interface ScormAgainApi {
  loadFromFlattenedJSON(json: Record<string, string>): void;
  getFlattenedCMI(): Record<string, unknown>;
}

type ScormAgainConstructor = new (settings: Record<string, unknown>) => ScormAgainApi;

interface PreviewState {
  package?: PackageInfo;
  strict?: StrictApi;
  lms?: ScormAgainApi;
  /** `?lms=moodle`: the Moodle-like LMS in front of scorm-again (moodle-mode.ts). */
  moodle?: MoodleMode;
}

const globals = window as unknown as Record<string, unknown>;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const select = $<HTMLSelectElement>('package');
const frame = $<HTMLIFrameElement>('sco');
const status = $<HTMLParagraphElement>('status');
const state: PreviewState = {};
/** For automated runs (tests/scorm/package/runtime.integration.test.ts). */
globals.previewLms = state;

const storageKey = (file: string) => `preview-lms:${file}`;

/** `?lms=moodle`: behave as Moodle's SCORM player does (moodle-mode.ts). */
const moodleLike = new URLSearchParams(location.search).get('lms') === 'moodle';
/** The page or the course frame is going away: Moodle's player then posts by sendBeacon. */
let unloading = false;
window.addEventListener('pagehide', () => {
  unloading = true;
});

async function init() {
  const packages = (await (await fetch('/api/packages')).json()) as PackageInfo[];
  for (const p of packages) {
    const option = document.createElement('option');
    option.value = p.file;
    option.textContent = `${p.level} · SCORM ${p.version} · ${(p.bytes / 1024).toFixed(0)} kB · ${p.file}`;
    select.append(option);
  }
  if (packages.length === 0)
    status.textContent = 'No packages in dist/packages: run npm run build first.';
  const params = new URLSearchParams(location.search);
  const wanted = params.get('package');
  if (wanted) select.value = wanted;
  if (params.get('mode')) $<HTMLSelectElement>('mode').value = params.get('mode') as string;
  $<HTMLFormElement>('controls').addEventListener('submit', (event) => {
    event.preventDefault();
    void launch(packages.find((p) => p.file === select.value));
  });
  $('close').addEventListener('click', () => void closeSco());
  $('reset').addEventListener('click', () => reset());
  if (params.has('launch')) await launch(packages.find((p) => p.file === select.value));
}

async function launch(pkg: PackageInfo | undefined) {
  if (!pkg) return;
  await closeSco();
  const manifest = await (await fetch(`/packages/${pkg.file}/imsmanifest.xml`)).text();
  const { launch: href, mastery } = readManifest(manifest);
  const Api = globals[
    pkg.version === '1.2' ? 'Scorm12API' : 'Scorm2004API'
  ] as ScormAgainConstructor;
  const lms = new Api({ logLevel: 5, autocommit: false });
  const names = pkg.version === '1.2' ? NAMES_12 : NAMES_2004;
  const saved = readSaved(pkg.file);
  let note: string;
  if (saved && vocab(saved[names.exit] ?? '') === 'suspend') {
    // A suspended attempt: hand the SCO its data back, as an LMS does on a relaunch.
    const data = { ...saved };
    delete data[names.exit];
    delete data[names.sessionTime];
    data[names.entry] = 'resume';
    lms.loadFromFlattenedJSON(data);
    note = 'Resuming the saved attempt (entry=resume).';
  } else {
    const fresh: Record<string, string> = {
      [names.entry]: 'ab-initio',
      [names.learnerName]: $<HTMLInputElement>('learner').value,
      [names.learnerId]: 'preview-learner',
      [names.mode]: $<HTMLSelectElement>('mode').value,
    };
    if (mastery !== undefined)
      fresh[names.mastery] = pkg.version === '1.2' ? String(mastery) : String(mastery / 100);
    // Moodle keeps the finished attempt's status and score, and nothing else, for the next launch.
    if (moodleLike && saved) Object.assign(fresh, relaunchData(pkg.version, saved).data);
    lms.loadFromFlattenedJSON(fresh);
    note = saved
      ? 'The last attempt ended (exit was not suspend): a new attempt starts, as on a real LMS.'
      : 'First launch (entry=ab-initio).';
  }
  const moodle = moodleLike
    ? createMoodleMode({
        version: pkg.version,
        inner: lms,
        cmi: () => strings(lms.getFlattenedCMI()),
        launch: strings(lms.getFlattenedCMI()),
        unloading: () => unloading,
      })
    : undefined;
  const strict = createStrictApi(pkg.version, moodle?.api ?? lms, faultOptions());
  Object.assign(state, { package: pkg, strict, lms, moodle });
  delete globals.API;
  delete globals.API_1484_11;
  globals[pkg.version === '1.2' ? 'API' : 'API_1484_11'] = strict.api;
  pendingCalls = [];
  $('log').replaceChildren();
  strict.onCall((call) => {
    // A course closed by "Reset attempt" still terminates; its data is no longer kept.
    if (state.strict !== strict) return;
    if (moodle && (call.fn === names.commit || call.fn === names.finish))
      // What Moodle stored: its last post that went through (total_time only on a Terminate's).
      save(
        pkg.file,
        pkg.version,
        { getFlattenedCMI: moodle.stored } as ScormAgainApi,
        call.fn === names.finish && moodle.posts.at(-1)?.refused === false,
      );
    else if (call.fn === names.commit || call.fn === names.finish)
      save(pkg.file, pkg.version, lms, call.fn === names.finish);
    showLater(call);
  });
  render();
  status.textContent = `${note} Launching ${href} from ${pkg.file}.`;
  frame.src = `/packages/${pkg.file}/${href}`;
  frame.addEventListener(
    'load',
    () =>
      setTimeout(() => {
        if (state.strict === strict && !strict.calls.some((c) => c.fn === names.init))
          status.textContent = `${pkg.file} has not called ${names.init} 5 seconds after loading: it is running untracked, and an LMS would record nothing.`;
      }, 5000),
    { once: true },
  );
}

/** Unloads the course (it terminates on pagehide, as in an LMS); resolves once it has gone. */
function closeSco(): Promise<void> {
  if (frame.getAttribute('src') === 'about:blank') return Promise.resolve();
  const gone = new Promise<void>((resolve) =>
    frame.addEventListener(
      'load',
      () => {
        unloading = false;
        resolve();
      },
      { once: true },
    ),
  );
  unloading = true;
  frame.src = 'about:blank';
  return gone;
}

function reset() {
  Object.assign(state, { strict: undefined, lms: undefined });
  void closeSco();
  const file = select.value;
  if (file) localStorage.removeItem(storageKey(file));
  pendingCalls = [];
  $('log').replaceChildren();
  $('cmi').replaceChildren();
  $('violations').replaceChildren();
  status.textContent = 'Attempt reset: the next launch is a first launch.';
}

/**
 * An LMS that misbehaves on purpose: `?fault=refuse-commit,pad-state` (strict-checks.ts `FAULTS`),
 * `&after=40` to start `end-session` or `throw` after 40 calls. Unknown names are ignored.
 */
function faultOptions(): { faults: Fault[]; faultsAfterCalls: number } {
  const params = new URLSearchParams(location.search);
  const asked = (params.get('fault') ?? '').split(',');
  return {
    faults: FAULTS.filter((fault) => asked.includes(fault)),
    faultsAfterCalls: Number(params.get('after')) || 0,
  };
}

// --- Saved attempts -------------------------------------------------------------------------

function readSaved(file: string): Record<string, string> | undefined {
  try {
    const raw = localStorage.getItem(storageKey(file));
    return raw ? (JSON.parse(raw) as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the data model as the LMS holds it; at the end of a session, total_time += session_time. */
function save(file: string, version: ScormVersion, lms: ScormAgainApi, ended: boolean) {
  const names = version === '1.2' ? NAMES_12 : NAMES_2004;
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(lms.getFlattenedCMI()))
    if (typeof value === 'string' && value !== '') flat[key] = value;
  if (ended) {
    const total = seconds(flat[names.totalTime] ?? '') + seconds(flat[names.sessionTime] ?? '');
    flat[names.totalTime] =
      version === '1.2'
        ? `${String(Math.floor(total / 3600)).padStart(4, '0')}:${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}:${String(Math.floor(total % 60)).padStart(2, '0')}`
        : `PT${Math.round(total * 100) / 100}S`;
  }
  try {
    localStorage.setItem(storageKey(file), JSON.stringify(flat));
  } catch {
    status.textContent = 'Could not keep the attempt in this browser (storage blocked or full).';
  }
}

function strings(cmi: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(cmi)) if (typeof value === 'string') flat[key] = value;
  return flat;
}

function seconds(duration: string): number {
  const hms = /^(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(duration);
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3]);
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!iso) return 0;
  return (
    Number(iso[1] ?? 0) * 86400 +
    Number(iso[2] ?? 0) * 3600 +
    Number(iso[3] ?? 0) * 60 +
    Number(iso[4] ?? 0)
  );
}

// --- Display ----------------------------------------------------------------------------------

/**
 * The log and the CMI table are redrawn when the browser is idle (within a second), not once per
 * API call: a course makes dozens of calls in a burst, and redrawing for each, or in the frames the
 * course is drawing, would make the LMS page, not the course, the slow part of a launch (the
 * benchmark measures launches in this page). An LMS's own page does not redraw on every call.
 */
let pendingCalls: ApiCall[] = [];
function showLater(call: ApiCall) {
  pendingCalls.push(call);
  if (pendingCalls.length > 1) return;
  requestIdleCallback(
    () => {
      const calls = pendingCalls;
      pendingCalls = [];
      const items = calls.map(logItem);
      $('log').append(...items);
      items.at(-1)?.scrollIntoView({ block: 'nearest' });
      render();
    },
    { timeout: 1000 },
  );
}

function logItem(call: ApiCall): HTMLLIElement {
  const item = document.createElement('li');
  const args = call.args
    .map((a) => JSON.stringify(a.length > 120 ? `${a.slice(0, 120)}…` : a))
    .join(', ');
  item.textContent = `${call.fn}(${args}) → ${JSON.stringify(call.result.slice(0, 120))}${call.error ? `  [error ${call.error}]` : ''}`;
  if (call.error || call.result === 'false') item.className = 'error';
  return item;
}

function render() {
  const { lms, strict } = state;
  if (!lms || !strict) return;
  const rows = Object.entries(lms.getFlattenedCMI())
    .filter(([, v]) => typeof v === 'string' && v !== '')
    .map(([key, value]) => {
      const row = document.createElement('tr');
      const name = document.createElement('td');
      const cell = document.createElement('td');
      name.textContent = key;
      const text = String(value);
      cell.textContent =
        text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
      row.append(name, cell);
      return row;
    });
  $('cmi').replaceChildren(...rows);
  $('violations').replaceChildren(
    ...strict.violations.map((v) => {
      const item = document.createElement('li');
      item.textContent = v;
      return item;
    }),
  );
}

// --- Manifest and names -----------------------------------------------------------------------

function readManifest(xml: string): { launch: string; mastery: number | undefined } {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const sco = [...doc.getElementsByTagName('resource')].find(
    (r) => (r.getAttribute('adlcp:scormtype') ?? r.getAttribute('adlcp:scormType')) === 'sco',
  );
  const masteryText =
    doc.getElementsByTagName('adlcp:masteryscore')[0]?.textContent ??
    doc.getElementsByTagName('imsss:minNormalizedMeasure')[0]?.textContent;
  let mastery: number | undefined;
  if (masteryText != null && masteryText.trim() !== '') {
    const value = Number(masteryText);
    mastery = doc.getElementsByTagName('adlcp:masteryscore').length > 0 ? value : value * 100;
  }
  return { launch: sco?.getAttribute('href') ?? 'index.html', mastery };
}

const vocab = (value: string) => value.trim().toLowerCase();

const NAMES_12 = {
  entry: 'cmi.core.entry',
  exit: 'cmi.core.exit',
  sessionTime: 'cmi.core.session_time',
  totalTime: 'cmi.core.total_time',
  learnerName: 'cmi.core.student_name',
  learnerId: 'cmi.core.student_id',
  mode: 'cmi.core.lesson_mode',
  mastery: 'cmi.student_data.mastery_score',
  init: 'LMSInitialize',
  commit: 'LMSCommit',
  finish: 'LMSFinish',
};

const NAMES_2004 = {
  entry: 'cmi.entry',
  exit: 'cmi.exit',
  sessionTime: 'cmi.session_time',
  totalTime: 'cmi.total_time',
  learnerName: 'cmi.learner_name',
  learnerId: 'cmi.learner_id',
  mode: 'cmi.mode',
  mastery: 'cmi.scaled_passing_score',
  init: 'Initialize',
  commit: 'Commit',
  finish: 'Terminate',
};

void init();
