/**
 * Boot: the compiled course (from the build), the level this package teaches, and the session the
 * progress goes to. `sg-app` does the rest.
 */
import course from 'virtual:course';
import { createStandaloneSession } from '../scorm/adapter/standalone.ts';
import './components/sg-app/sg-app.ts';
import type { CourseSession } from './session.ts';

/**
 * The seam for the LMS adapter: today every launch is standalone (progress on this device). The
 * SCORM work replaces the body: look for a SCORM 1.2 or 2004 API in the parent frames, initialise
 * it, and fall back to the standalone session when none answers.
 */
export function connectSession(courseId: string, level: string): CourseSession {
  return createStandaloneSession(`sg-progress:${courseId}:${level}`);
}

/** A package built for one level says which (VITE_LEVEL); the web build reads `?level=`. */
function chosenLevel(): string {
  const built: unknown = import.meta.env.VITE_LEVEL;
  if (typeof built === 'string' && built !== '') return built;
  return new URLSearchParams(window.location.search).get('level') ?? '';
}

const app = document.querySelector('sg-app');
if (app) {
  const level = chosenLevel();
  if (course.levels.some((l) => l.id === level)) {
    const session = connectSession(course.id, level);
    app.session = session;
    window.addEventListener('pagehide', () => session.finish());
  }
  app.course = course;
  app.level = level;
}
