import type { Module, RichText } from '../model/course.ts';

/**
 * A module split in two for a built package: its outline, which the bundle carries, and the text
 * of its scenario and questions, which a script of its own (`modules/<id>-<hash>.js`) hands over
 * when the learner opens the module. The text is about three quarters of a level's content, and
 * none of it is needed for the first view.
 *
 * The outline is the whole module with every rich text of its scenario and questions blank: its
 * title, summary, content note, support and reflection prompts as they are (the module list,
 * module start and record of learning show them), and the whole structure the engine reads (step
 * ids, types and where they lead, option counts, weights and flags, which answers are right,
 * which levels a question serves). So the engine restores, saves and scores a level from outlines
 * alone, with the same module hashes, and never resets a learner for want of a module's text.
 *
 * Pure data in, pure data out: the build (Node) splits, the page (src/module-text-loader.ts) joins.
 */

/** The function a module's text script calls, on `window`: `(moduleId, texts)`. */
export const MODULE_TEXT_CALLBACK = '__safeguardingModuleText';

/**
 * The text of one module: its rich texts in the order `splitModule` met them, each as its html
 * alone when its plain text is `plainTextOf(html)` (almost all: it saves a sixth of the script),
 * else as `[html, text]`.
 */
export type ModuleText = readonly (string | readonly [string, string])[];

/** Where an outline's rich texts stand: html and text empty. */
export const BLANK_TEXT: RichText = Object.freeze({ html: '', text: '' });

export interface SplitModule {
  readonly outline: Module;
  readonly text: ModuleText;
}

/** The parts of a module whose rich texts go into its text script. */
const BODY_KEYS = ['scenario', 'questions'] as const;

function isRichText(value: unknown): value is RichText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as RichText).html === 'string' &&
    typeof (value as RichText).text === 'string'
  );
}

/**
 * Copies `value` with each rich text replaced by what `replace` gives, visiting them in one fixed
 * order (arrays in order, object keys in their own order), so split and join meet the same texts
 * in the same order.
 */
function mapRichText(value: unknown, replace: (text: RichText) => RichText): unknown {
  if (isRichText(value)) return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapRichText(v, replace));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, mapRichText(v, replace)]),
    );
  return value;
}

/**
 * The plain text of rendered Markdown as the compiler makes it (src/compiler/markdown.ts), worked
 * out from its html: tags out, the four characters markdown-it escapes back, white space as one
 * space. Where it would differ, the script carries the text itself, so a learner's screen reader
 * and the LMS's interaction descriptions read exactly what the compiler wrote.
 */
export function plainTextOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', amp: '&' };

export function splitModule(module: Module): SplitModule {
  const text: (string | readonly [string, string])[] = [];
  const blank = (rich: RichText) => {
    text.push(plainTextOf(rich.html) === rich.text ? rich.html : [rich.html, rich.text]);
    return BLANK_TEXT;
  };
  const outline = { ...module };
  for (const key of BODY_KEYS)
    (outline as Record<string, unknown>)[key] = mapRichText(module[key], blank);
  return { outline, text };
}

/** How many rich texts the module's text script must hand over for this outline. */
export function textLength(outline: Module): number {
  let count = 0;
  for (const key of BODY_KEYS)
    mapRichText(outline[key], (rich) => {
      count += 1;
      return rich;
    });
  return count;
}

const isPair = (entry: unknown): entry is readonly [string, string] =>
  Array.isArray(entry) &&
  entry.length === 2 &&
  typeof entry[0] === 'string' &&
  typeof entry[1] === 'string';

/**
 * The whole module again: the outline with its blank rich texts filled from `text`. Throws when
 * the text does not fit the outline (a script from another build of the course), so a module is
 * never shown with another version's words.
 */
export function joinModule(outline: Module, text: ModuleText): Module {
  const expected = textLength(outline);
  if (text.length !== expected || text.some((t) => typeof t !== 'string' && !isPair(t)))
    throw new Error(
      `the text of module "${outline.id}" does not fit this version of the course (${text.length} texts for ${expected})`,
    );
  let next = 0;
  const fill = (): RichText => {
    const entry = text[next++] ?? '';
    return typeof entry === 'string'
      ? { html: entry, text: plainTextOf(entry) }
      : { html: entry[0], text: entry[1] };
  };
  const module = { ...outline };
  for (const key of BODY_KEYS)
    (module as Record<string, unknown>)[key] = mapRichText(outline[key], fill);
  return module;
}
