import { describeContact } from '../../model/contact.ts';
import type { Edition, Module } from '../../model/course.ts';
import { citeSource } from '../shared/source.ts';

/**
 * What the learner wrote for one module: kept on their device only, under their learner id, never
 * sent to the LMS (see notes-store.ts).
 */
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

/** The reflective log as plain text, for the "Download as a text file" button. */
export function reflectiveLogText(
  module: Module,
  answers: ReflectionAnswers,
  date: string,
  courseTitle: string,
  levelTitle: string,
  /** Whose edition: the log says who to tell about a worry (organisation.yaml). */
  edition?: Edition,
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
    ...(source
      ? [`Source review: ${citeSource(source)}${source.url ? `, ${source.url}` : ''}`]
      : []),
    '',
    block('What I learned', answers.learned),
    block('What I will do differently', answers.differently),
    ...module.reflection.map((prompt, i) => block(prompt.text, answers.prompts[i] ?? '')),
    'Take this to supervision or a team meeting. It is kept on your device only.',
    ...(edition ? [whoToTell(edition)] : []),
    '',
  ].join('\n');
}

/** Who to tell about a worry, from the edition: in the log, for the learner to keep. */
export function whoToTell(edition: Edition): string {
  return `If reflecting on this has raised a worry about a child, tell ${describeContact(edition.contacts.dsl)}.`;
}
