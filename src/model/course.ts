/**
 * The compiled course: what the content compiler produces from the YAML files in course/ and what
 * the engine and the views consume. Everything here is plain, serialisable data (the build embeds
 * it in the bundle as JSON), already validated and linked: every step id a `next` names exists,
 * every flag a condition reads is set somewhere, every text is rendered Markdown.
 *
 * The authoring format (kebab-case keys, Markdown strings) is described by the JSON Schemas in
 * course/schema/ and in docs/authoring.md; this file is the other side of the compiler.
 */

import type { AnyQuestion } from '../questions/index.ts';

/** Markdown rendered to safe HTML (raw HTML escaped, unsafe links dropped), plus its plain text. */
export interface RichText {
  readonly html: string;
  /** Plain text, for screen-reader labels and LMS interaction descriptions. */
  readonly text: string;
}

export interface Course {
  readonly id: string;
  readonly title: string;
  readonly organisation: string;
  readonly version: string;
  readonly levels: readonly Level[];
  readonly modules: readonly Module[];
  /**
   * Whose edition this is: its contacts, procedures, logo and colours (organisation.yaml; see
   * src/compiler/organisation.ts). Absent for a course folder without one: the views then say
   * "your organisation's route", as the neutral edition does.
   */
  readonly edition?: Edition;
}

/** The organisation an edition is built for (course/organisation.yaml, or SG_ORG). */
export interface Edition {
  /** For package file names; absent in the repository's neutral edition. */
  readonly id?: string;
  readonly name: string;
  readonly contacts: {
    readonly dsl: Contact;
    readonly frontDoor: Contact;
    readonly lado: Contact;
  };
  readonly procedures: { readonly text: string; readonly url?: string };
  /** The logo as a data: URL (the page's CSP allows data: images), with its alt text. */
  readonly logo?: { readonly src: string; readonly alt: string };
  /** CSS custom properties (`--sg-colour-text` and so on) to set on the page. */
  readonly theme: Readonly<Record<string, string>>;
}

/** Who to contact and how: plain text, never a link (learners copy or dial it). */
export interface Contact {
  readonly who: string;
  readonly phone?: string;
  readonly email?: string;
  readonly hours?: string;
  readonly outOfHours?: string;
}

export interface LearningOutcome {
  readonly id: string;
  readonly text: string;
}

export interface Level {
  readonly id: string;
  readonly title: string;
  readonly audience: RichText;
  readonly outcomes: readonly LearningOutcome[];
  /** Module ids in the order the learner meets them. */
  readonly modules: readonly string[];
  /** Percentage (0–100) a module's and the level's score must reach to pass. */
  readonly passMark: number;
  readonly durationMinutes: number;
  /** Quiz attempts allowed per module; 0 means unlimited. */
  readonly attempts: number;
  /** Questions drawn per module quiz from those that serve this level; 0 means all of them. */
  readonly questionsPerModule: number;
  /** Share (0–1) of a module's score that comes from its scenario decisions; the rest is the quiz. */
  readonly scenarioShare: number;
  /**
   * The level after this one in course.yaml (levels are listed in the order learners go on
   * through them): named to a learner who passes this one. A package holds one level only, so the
   * compiler copies what the learner is told; absent for the last level.
   */
  readonly next?: { readonly id: string; readonly title: string; readonly audience: RichText };
}

export interface SourceReview {
  /** The review's name as published. */
  readonly name: string;
  readonly board: string;
  /**
   * When it was published, as learners read it: "2017", "May 2017" or "12 May 2017". Absent where
   * the source gives no date.
   */
  readonly published?: string;
  /** How to find it: the link's text when there is a `url`, else said in words. */
  readonly linkText: string;
  readonly url?: string;
}

export interface Module {
  readonly id: string;
  readonly title: string;
  /** The review it is built on; absent only in a training lead's own module (`profile: local`). */
  readonly source?: SourceReview;
  readonly themes: readonly string[];
  readonly levels: readonly string[];
  readonly durationMinutes: number;
  readonly covers: RichText;
  readonly contentNote: RichText;
  /** Said once, plainly, when a scenario uses invented detail. */
  readonly reconstruction?: RichText;
  /** Support particular to this module's themes, shown beside the standard support, as plain text. */
  readonly support: readonly SupportLine[];
  /** Ids of the level learning outcomes this module delivers. */
  readonly outcomes: readonly string[];
  readonly scenario: Scenario;
  readonly questions: readonly Question[];
  readonly reflection: readonly RichText[];
}

/** A helpline or service: plain text, never a link (learners copy or dial it). */
export interface SupportLine {
  readonly name: string;
  readonly contact: string;
  readonly detail?: string;
}

export interface Scenario {
  readonly start: string;
  /** Steps in authored order; `stepIndex` maps an id to its position. */
  readonly steps: readonly Step[];
  readonly stepIndex: Readonly<Record<string, number>>;
  /** Every flag some option sets, in a stable order (their position is their bit in saved state). */
  readonly flags: readonly string[];
}

export type Step = NarrativeStep | DecisionStep | RevealStep | EndingStep;

interface StepBase {
  readonly id: string;
  readonly title: string;
  /** True when the step's detail is invented to make the scenario work (shown as such). */
  readonly reconstructed: boolean;
}

export interface NarrativeStep extends StepBase {
  readonly type: 'narrative';
  readonly text: RichText;
  /** "What practitioners knew at this point". */
  readonly knew: readonly RichText[];
  readonly next: Next;
}

export interface DecisionStep extends StepBase {
  readonly type: 'decision';
  readonly text?: RichText;
  readonly question: RichText;
  readonly options: readonly DecisionOption[];
}

export interface DecisionOption {
  readonly text: RichText;
  /** The consequence the learner is shown after choosing, tied to the review's learning. */
  readonly feedback: RichText;
  /** 0–1: how closely the choice follows the review's learning. */
  readonly weight: number;
  readonly sets: readonly string[];
  readonly next: Next;
}

export interface RevealStep extends StepBase {
  readonly type: 'reveal';
  readonly text: RichText;
  readonly next: Next;
}

export interface EndingStep extends StepBase {
  readonly type: 'ending';
  readonly text: RichText;
  readonly debrief: RichText;
}

/** Where to go next: the first branch whose condition holds (the last branch has none). */
export type Next = readonly NextBranch[];

export interface NextBranch {
  readonly to: string;
  /** Flags that must all be set. */
  readonly if: readonly string[];
  /** Flags that must all be unset. */
  readonly unless: readonly string[];
}

/**
 * A quiz question of any registered type. Each type's own fields, and everything else about it,
 * live in its module under src/questions/ (see src/questions/index.ts, the registry).
 */
export type Question = AnyQuestion;

/** What every question has, whatever its type. */
export interface QuestionBase {
  readonly id: string;
  readonly prompt: RichText;
  readonly keyMessage: RichText;
  /** Levels whose quizzes may draw this question. */
  readonly levels: readonly string[];
  /** Ids of level learning outcomes this question tests. */
  readonly outcomes: readonly string[];
  readonly feedback: OverallFeedback;
}

export interface OverallFeedback {
  readonly correct?: RichText;
  readonly incorrect?: RichText;
}

export type { ChoiceOption } from '../questions/choice.ts';
