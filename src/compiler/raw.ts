/**
 * The authoring format as it comes out of a YAML file that passed schema validation
 * (course/schema/*.schema.json). Keys are kebab-case because training leads write them.
 */

import type { RawQuestionFields } from '../questions/index.ts';

export interface RawCourse {
  id: string;
  title: string;
  organisation: string;
  version: string;
  levels: RawLevel[];
}

/** organisation.yaml (course/schema/organisation.schema.json). */
export interface RawOrganisation {
  id?: string;
  name: string;
  contacts: Record<'dsl' | 'front-door' | 'lado', RawContact>;
  procedures: { text: string; url?: string };
  logo?: { file: string; alt: string };
  colours?: Partial<Record<PaletteRole, string>>;
  font?: string;
}

export interface RawContact {
  who: string;
  phone?: string;
  email?: string;
  hours?: string;
  'out-of-hours'?: string;
}

export type PaletteRole =
  'text' | 'background' | 'link' | 'button' | 'button-text' | 'focus' | 'brand';

export interface RawLevel {
  id: string;
  title: string;
  audience: string;
  outcomes: { id: string; text: string }[];
  modules: string[];
  'pass-mark': number;
  duration: number;
  attempts?: number;
  'questions-per-module'?: number;
  'scenario-share'?: number;
}

export interface RawModule {
  id: string;
  title: string;
  /** Required by the schema unless `profile: local`. */
  source?: {
    name: string;
    board: string;
    published: string | number;
    'link-text': string;
    url?: string;
  };
  themes: string[];
  levels: string[];
  duration: number;
  covers: string;
  'content-note': string;
  reconstruction?: string;
  /** Which shape rules apply (src/compiler/shape.ts); default case-review. */
  profile?: 'case-review' | 'thematic' | 'local';
  /** Names the review uses for real children or family members: allowed only in reveal steps. */
  'real-names'?: string[];
  /** Extra support lines for this module's themes, shown beside the standard support. */
  support?: RawSupportLine[];
  outcomes?: string[];
  /** Source check: read by tests against shared/sources, not compiled into the course. */
  facts?: { fact: string; source: string; line: number; words: string }[];
  scenario: { start?: string; steps: RawStep[] };
  questions: RawQuestion[];
  reflection: string[];
}

export interface RawSupportLine {
  name: string;
  contact: string | number;
  detail?: string;
}

export type RawFlags = string | string[];
export type RawNext = string | { to: string; if?: RawFlags; unless?: RawFlags }[];

export type RawStep =
  | {
      type: 'narrative';
      id: string;
      title: string;
      reconstructed?: boolean;
      text: string;
      knew?: string[];
      next?: RawNext;
    }
  | {
      type: 'decision';
      id: string;
      title?: string;
      reconstructed?: boolean;
      text?: string;
      question: string;
      options: RawDecisionOption[];
    }
  | {
      type: 'reveal';
      id: string;
      title: string;
      reconstructed?: boolean;
      text: string;
      next?: RawNext;
    }
  | {
      type: 'ending';
      id: string;
      title: string;
      reconstructed?: boolean;
      text: string;
      debrief: string;
    };

export interface RawDecisionOption {
  text: string;
  feedback?: string;
  weight?: number;
  sets?: RawFlags;
  next: RawNext;
}

export interface RawFeedback {
  correct?: string;
  incorrect?: string;
}

/** What every authored question has, whatever its type (see src/questions/ for each type's own). */
export interface RawQuestionBase {
  id: string;
  prompt: string;
  'key-message': string;
  levels?: string[];
  outcomes?: string[];
  feedback?: RawFeedback;
}

export type RawQuestion = RawQuestionBase & RawQuestionFields;
