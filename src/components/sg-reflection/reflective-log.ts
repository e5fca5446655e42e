import type { Module } from '../../content/types.ts';
import { citeSource } from '../shared/source.ts';

/** What the learner wrote for one module: kept on their device only, never sent to the LMS. */
export interface ReflectionAnswers {
  readonly learned: string;
  readonly differently: string;
  /** One per reflection prompt, in order. */
  readonly prompts: readonly string[];
}

export const emptyAnswers = (module: Module): ReflectionAnswers => ({
  learned: '',
  differently: '',
  prompts: module.reflection.map(() => ''),
});

/** The localStorage key for one module's reflection at one level of one course. */
export function reflectionKey(courseId: string, levelId: string, moduleId: string): string {
  return `sg-reflection:${courseId}:${levelId}:${moduleId}`;
}

/** Reads saved answers; anything missing, blocked or malformed gives empty answers. */
export function loadReflection(key: string, module: Module): ReflectionAnswers {
  const empty = emptyAnswers(module);
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return empty;
    const parsed = JSON.parse(raw) as Partial<Record<keyof ReflectionAnswers, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const prompts = Array.isArray(parsed.prompts) ? parsed.prompts : [];
    return {
      learned: text(parsed.learned),
      differently: text(parsed.differently),
      prompts: empty.prompts.map((_, i) => text(prompts[i])),
    };
  } catch {
    return empty;
  }
}

/** Saves answers on this device; false when storage is blocked or full. Never throws. */
export function saveReflection(key: string, answers: ReflectionAnswers): boolean {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return false;
    storage.setItem(key, JSON.stringify(answers));
    return true;
  } catch {
    return false;
  }
}

/** The reflective log as plain text, for the "Download as a text file" button. */
export function reflectiveLogText(
  module: Module,
  answers: ReflectionAnswers,
  date: string,
  courseTitle: string,
  levelTitle: string,
): string {
  const { source } = module;
  const block = (heading: string, body: string) =>
    `${heading}\n${body.trim() === '' ? '(not answered)' : body.trim()}\n`;
  return [
    'Reflective log',
    '==============',
    '',
    `Date: ${date}`,
    `Course: ${courseTitle} (${levelTitle})`,
    `Module: ${module.title}`,
    `Source review: ${citeSource(source)}${source.url ? `, ${source.url}` : ''}`,
    '',
    block('What I learned', answers.learned),
    block('What I will do differently', answers.differently),
    ...module.reflection.map((prompt, i) => block(prompt.text, answers.prompts[i] ?? '')),
    'Take this to supervision or a team meeting. It is kept on your device only.',
    '',
  ].join('\n');
}
