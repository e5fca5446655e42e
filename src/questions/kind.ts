import type { nothing, TemplateResult } from 'lit';
import type { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { RawQuestionBase } from '../compiler/raw.ts';
import type { ContentPath } from '../compiler/source-file.ts';
import type { QuestionBase, RichText } from '../model/course.ts';
import type { InteractionResponse } from '../engine/transition.ts';

/**
 * What a question type is: everything the compiler, the engine, the LMS side, the facilitator
 * pack and the `<sg-question>` view need to know about it, in one object per type (the modules
 * beside this file), listed once in the registry (index.ts).
 *
 * Every part is required, so TypeScript refuses a type that lacks one: nothing falls through a
 * switch and silently renders, checks or scores nothing.
 *
 * The parts are pure. A kind imports no runtime code from the compiler or from Lit: the compiler
 * hands `link` and `check` its Markdown renderer and its reporter (`LinkTools`, `CheckTools`), and
 * `<sg-question>` hands the view Lit's `html` (`LitTools`). So the engine and the content compiler,
 * which call the pure parts, load neither Markdown nor Lit through the registry.
 *
 * Type parameters: `Q` the compiled question, `A` the learner's answer, `R` the type's own fields as
 * authored (YAML), `D` the view's draft (what the learner has done before submitting).
 *
 * Parts are written as methods, so a kind for one type can stand in the registry's list of all
 * kinds (the registry looks a kind up by the question's `type` before calling it).
 */
export interface QuestionKind<
  Q extends QuestionBase & { readonly type: string },
  A extends { readonly type: Q['type'] },
  R extends object,
  D,
> {
  /** The `type:` authors write, and the answer's `type` in saved state and events. */
  readonly type: Q['type'];

  // --- Compiler -------------------------------------------------------------------------------

  /** The JSON Schema of the type's own fields (beside id, prompt, key-message and the rest). */
  readonly schema: KindSchema;
  /** A valid question of this type, as authored (own fields only): for docs and the kind tests. */
  readonly example: R;
  /** Authored fields (already schema-valid) → compiled fields. */
  link(raw: R & RawQuestionBase, tools: LinkTools): Omit<Q, keyof QuestionBase | 'type'>;
  /** What a schema cannot say (enough options, one right answer, no duplicates, feedback). */
  check(raw: R & RawQuestionBase, tools: CheckTools): void;

  // --- Engine ---------------------------------------------------------------------------------

  /** How many options, items or pairs the question has (answers index into them). */
  optionCount(question: Q): number;
  /** Whether an answer of this type fits this question's shape (restored state, events). */
  fits(question: Q, answer: A): boolean;
  /** Whether a fitting answer is right. */
  isCorrect(question: Q, answer: A): boolean;
  /**
   * The order options are shown in (authored indexes, first shown first), a pure function of the
   * learner's seed, the attempt and the module (see engine/options.ts).
   */
  presentedOrder(question: Q, seed: number, attempt: number, moduleId: string): number[];
  /** Answer → saved text: short, from `[0-9a-z]` only (no `~ . : -`, which saved state uses). */
  encode(answer: A): string;
  /** Saved text → answer; throws on text it cannot read (the caller then checks `fits`). */
  decode(question: Q, text: string, count: number): A;
  /** The answer whose `encode` is longest, for the worst-case saved-state size. */
  widest(question: Q): A;
  /**
   * What saved answers mean beyond the option count, for the module's content hash: a change here
   * restarts the module for learners who saved before it ('0110': which choices are right).
   */
  answerKey(question: Q): string;

  // --- LMS ------------------------------------------------------------------------------------

  /** The SCORM interaction: its type and the learner's and the right response (by `optionId`). */
  interaction(question: Q, answer: A): KindInteraction;
  /**
   * Each id a recorded response uses, with the plain text it stands for (option `a` is the first
   * option as written…), for the LMS report key; none where the response is its own meaning
   * (true/false).
   */
  recordedIds(question: Q): readonly RecordedId[];

  // --- Tests and print ------------------------------------------------------------------------

  /** A right and a wrong answer, for test learners (they must score as they say). */
  samples(question: Q): { readonly right: A; readonly wrong: A };
  /** The right answer as HTML for the facilitator's answers page (text is already safe HTML). */
  printAnswer(question: Q): string;

  // --- View -----------------------------------------------------------------------------------

  readonly view: QuestionView<Q, A, D>;
}

/** The JSON Schema part of a type: composed into course/schema/module.schema.json (schema.ts). */
export interface KindSchema {
  /** Shown by editors beside the `type:` choice, e.g. "Single choice". */
  readonly title: string;
  /** Own required fields; `feedback` too where the type has no per-option feedback. */
  readonly required: readonly string[];
  /** Own fields; `$ref`s may name the module schema's definitions (text, choice, feedback…). */
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface LinkTools {
  /** Markdown → safe HTML and its plain text (block: paragraphs, lists). */
  markdown(text: string): RichText;
  /** One line of Markdown (options, items). */
  inline(text: string): RichText;
}

export interface CheckTools {
  /** Reports a problem at a path inside the question (e.g. `['options', 2]`). */
  report(path: ContentPath, message: string, fix: string): void;
  /** The question has overall feedback for both a right and a wrong answer. */
  readonly hasOverallFeedback: boolean;
}

/** An id in a recorded response, and what it stands for. */
export interface RecordedId {
  readonly id: string;
  readonly text: string;
}

/** Interaction type and responses, as the engine's `Interaction` carries them. */
export interface KindInteraction {
  readonly type: InteractionResponse['type'];
  readonly response: InteractionResponse;
  readonly correctResponse: InteractionResponse;
}

// --- View -------------------------------------------------------------------------------------

/** What a kind's view may render: a Lit template or nothing. */
export type Rendered = TemplateResult | typeof nothing;

/** Lit, handed in by `<sg-question>`, so that a kind's module loads no Lit itself. */
export interface LitTools {
  readonly html: (strings: TemplateStringsArray, ...values: unknown[]) => TemplateResult;
  readonly nothing: typeof nothing;
  readonly unsafeHTML: typeof unsafeHTML;
}

/** A problem that stops a draft being an answer, shown in the error summary. */
export interface FieldError {
  /** Id of the control the error summary links to. */
  readonly target: string;
  readonly message: string;
}

export interface ViewContext<Q, D> {
  readonly question: Q;
  readonly draft: D;
  /** The answer is submitted: controls are disabled. */
  readonly answered: boolean;
  /** The presented order (the kind's `presentedOrder` for this learner and attempt). */
  readonly shown: readonly number[];
  readonly lit: LitTools;
  /** Replaces the draft (re-renders). */
  setDraft(draft: D): void;
  /** After the next render, moves focus to the control `selector` finds in the view. */
  focusAfterRender(selector: string): void;
}

/**
 * How `<sg-question>` shows the type. The element draws the heading, the fieldset with the prompt
 * as its legend, the hint and the error summary; the kind draws its controls inside it and its own
 * part of the feedback.
 */
export interface QuestionView<Q, A, D> {
  /** The fieldset's hint, e.g. "Select one answer." */
  readonly hint: string;
  /** The draft a question starts from: the answer given, or nothing chosen yet. */
  draft(question: Q, answer: A | null, shown: readonly number[]): D;
  controls(view: ViewContext<Q, D>): Rendered;
  /** The answer the draft makes, or what stops it being one. */
  build(question: Q, draft: D, shown: readonly number[]): A | FieldError[];
  /**
   * The type's parts of the feedback: `chosen` before the overall feedback (what the learner
   * chose, with its feedback), `solution` after it (the right answer, when the learner missed it).
   */
  feedback(
    view: ViewContext<Q, D>,
    answer: A,
    correct: boolean,
  ): { readonly chosen: Rendered; readonly solution: Rendered };
}

// --- Helpers the kinds share --------------------------------------------------------------------

/**
 * The id an option is recorded by in the LMS: a letter from its authored place (`a` for the first
 * option written, `b` for the second…), the same for every learner whatever order they were shown.
 * One character, because SCORM 1.2 allows one per choice in a response, and compact in 2004.
 */
export function optionId(index: number): string {
  return (index + 10).toString(36);
}

export const b36 = (n: number) => n.toString(36);

/** A base-36 number from saved text, at most `max`; throws on anything else. */
export function parseB36(text: string | undefined, max: number): number {
  if (text === undefined || !/^[0-9a-z]+$/.test(text))
    throw new Error(`"${String(text).slice(0, 10)}" is not a number`);
  const value = parseInt(text, 36);
  if (!(value >= 0 && value <= max)) throw new Error(`${value} is out of range (0–${max})`);
  return value;
}

/** `0..n-1`. */
export const indexes = (n: number): number[] => [...Array(n).keys()];

export const inRange = (n: number) => (i: number) => Number.isInteger(i) && i >= 0 && i < n;

/** Every index `0..n-1` exactly once. */
export const isPermutation = (xs: readonly number[], n: number) =>
  xs.length === n && xs.every(inRange(n)) && new Set(xs).size === n;

/** Text compared for duplicates: case, outer and repeated spaces ignored. */
export const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Index of the first value seen before, or -1. */
export function firstDuplicate(values: readonly string[]): number {
  return values.findIndex((v, i) => values.indexOf(v) !== i);
}

/** The check every type without per-option feedback makes. */
export function requireOverallFeedback(id: string, tools: CheckTools): void {
  if (!tools.hasOverallFeedback)
    tools.report(
      ['feedback'],
      `question "${id}" needs feedback for both a correct and an incorrect answer`,
      'give "feedback:" both "correct:" and "incorrect:"',
    );
}

/**
 * One radio or checkbox row. Once the answer is submitted the controls are disabled, and a
 * disabled control is only a faint grey mark, so the learner's own choice is also marked in words
 * ("Your answer", inside its label) and by the row's edge (`.choice.chosen`, shared styles).
 */
export function choiceRow(
  { html }: LitTools,
  row: {
    readonly type: 'radio' | 'checkbox';
    readonly id: string;
    readonly checked: boolean;
    readonly answered: boolean;
    readonly label: unknown;
    readonly onChange: (checked: boolean) => void;
  },
): TemplateResult {
  const markChosen = row.answered && row.checked;
  return html`<div class=${markChosen ? 'choice chosen' : 'choice'}>
    <input
      type=${row.type}
      id=${row.id}
      name="answer"
      .checked=${row.checked}
      ?disabled=${row.answered}
      @change=${(e: Event) => row.onChange((e.target as HTMLInputElement).checked)}
    />
    <label for=${row.id}
      >${row.label}${markChosen ? html` <strong class="tag">Your answer</strong>` : ''}</label
    >
  </div>`;
}
