/**
 * Boot: the compiled course (from the build), the level this package teaches, and the session the
 * progress goes to. `sg-app` does the rest.
 */
import course, { moduleTexts } from 'virtual:course';
import { adoptPageStyles } from './styles/page-styles.ts';
import { connectSession as connectLmsOrStandalone } from '../scorm/adapter/index.ts';
import type { StepPreview } from './components/sg-app/sg-app.ts';
import './components/sg-app/sg-app.ts';
import { levelContent, restore } from './engine/index.ts';
import { scriptModuleTexts } from './module-text-loader.ts';
import type { CourseSession } from './session.ts';

/**
 * The LMS if there is one (a SCORM 2004 or 1.2 API in this window, its parents or its opener),
 * else the standalone session that keeps progress on this device.
 */
function connectSession(courseId: string, level: string): CourseSession {
  const modules = course.levels.find((l) => l.id === level)?.modules ?? [];
  // A saved copy (the LMS's or the device's) the engine cannot restore counts as unreadable, so
  // the other copy is used if it can be. A built course's modules may be outlines, their text
  // still to load (src/compiler/module-chunks.ts): restoring reads only what an outline keeps
  // whole (step ids, where they lead, options, questions), so it decides as the whole would.
  const canRestore = (state: string) => restore(levelContent(course, level), state, 0).ok;
  return connectLmsOrStandalone({ courseId, level, modules, canRestore });
}

/** A package built for one level says which (VITE_LEVEL); the web build reads `?level=`. */
function chosenLevel(): string {
  const built: unknown = import.meta.env.VITE_LEVEL;
  if (typeof built === 'string' && built !== '') return built;
  return new URLSearchParams(window.location.search).get('level') ?? '';
}

/**
 * The dev server only (`npm run dev`; never in a build): `?module=…&step=…` opens that scenario
 * step at once, so an author can look at the step they just edited without clicking through.
 */
function preview(): StepPreview | undefined {
  if (!import.meta.env.DEV) return undefined;
  const params = new URLSearchParams(window.location.search);
  const module = params.get('module');
  const step = params.get('step');
  return module && step ? { module, step } : undefined;
}

adoptPageStyles();
const app = document.querySelector('sg-app');
if (app) {
  const level = chosenLevel();
  const previewing = preview();
  // A preview is not progress: no session, so nothing is saved or reported.
  if (previewing) app.preview = previewing;
  else if (course.levels.some((l) => l.id === level)) {
    const session = connectSession(course.id, level);
    app.session = session;
    // An LMS session ends itself on pagehide, as the page closing and not as the learner's "Save
    // and exit" (no navigation request); the standalone one is saved here.
    if (session.mode === 'standalone') window.addEventListener('pagehide', () => session.finish());
  }
  // A build keeps each module's scenario and question text in a script loaded when it is opened.
  if (Object.keys(moduleTexts).length > 0) app.texts = scriptModuleTexts(moduleTexts);
  app.course = course;
  app.level = level;
}
