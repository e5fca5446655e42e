import type { DecisionStep, LearningOutcome, Module } from '../../model/course.ts';
import {
  isUnderway,
  levelOutcome,
  moduleStatus,
  moduleOutcome,
  pathSoFar,
  type LearnerState,
  type LevelContent,
} from '../../engine/index.ts';
import { STATUS_TEXT } from '../sg-module-list/sg-module-list.ts';
import type { ReflectionAnswers } from '../sg-reflection/reflective-log.ts';

/**
 * What a record of learning holds for one level, worked out from the course, the learner's state
 * and their notes: no DOM, so it is easy to check. Built for CPD evidence (Social Work England)
 * and NMC revalidation: what I did (modules, decisions), what I learned, how it changes my
 * practice (the reflective log).
 */
export interface LearningRecord {
  readonly modules: readonly ModuleRecord[];
  readonly outcomes: readonly OutcomeRecord[];
  /** The level's outcome on this device: finished, passed, and its score. */
  readonly complete: boolean;
  readonly passed: boolean;
  readonly score: number;
  /** The planned minutes of the modules finished (the course does not time the learner). */
  readonly plannedMinutes: number;
}

export interface ModuleRecord {
  readonly module: Module;
  /** In words, as the module list says it: "Passed", "Not started"… */
  readonly status: string;
  readonly completed: boolean;
  /** 0–100, or null for a module with no quiz at this level or not yet finished. */
  readonly score: number | null;
  /** Each decision the learner took, in the order they met them. */
  readonly decisions: readonly DecisionRecord[];
  /** "What the review found" steps on the learner's path. */
  readonly findings: readonly { readonly title: string; readonly text: string }[];
  readonly answers: ReflectionAnswers;
}

export interface DecisionRecord {
  readonly question: string;
  readonly choice: string;
  /** What followed the choice, as the scenario told it (tied to the review's learning). */
  readonly consequence: string;
}

export interface OutcomeRecord {
  readonly outcome: LearningOutcome;
  /** Every module of the level that delivers it is finished and passed. */
  readonly met: boolean;
}

export function learningRecord(
  content: LevelContent,
  state: LearnerState,
  answersFor: (module: Module) => ReflectionAnswers,
): LearningRecord {
  const modules = content.modules.map((module, i): ModuleRecord => {
    const progress = state.modules[i];
    const started = progress && isUnderway(progress.phase);
    const path = started ? pathSoFar(module, progress.scenario) : [];
    const decisions: DecisionRecord[] = [];
    const findings: { title: string; text: string }[] = [];
    for (const entry of path) {
      const step = module.scenario.steps[entry.step];
      if (step?.type === 'reveal') findings.push({ title: step.title, text: step.text.text });
      if (step?.type === 'decision' && entry.option !== undefined) {
        const option = (step as DecisionStep).options[entry.option];
        if (option)
          decisions.push({
            question: step.question.text,
            choice: option.text.text,
            consequence: option.feedback.text,
          });
      }
    }
    const completed = progress?.completed ?? false;
    return {
      module,
      status: progress
        ? STATUS_TEXT[moduleStatus(content, module, progress)]
        : STATUS_TEXT['not-started'],
      completed,
      score: progress && completed ? moduleOutcome(content, module, progress).score : null,
      decisions,
      findings,
      answers: answersFor(module),
    };
  });
  const outcome = levelOutcome(content, state);
  const outcomes = content.level.outcomes.map((o): OutcomeRecord => {
    const delivering = content.modules.flatMap((m, i) => (m.outcomes.includes(o.id) ? [i] : []));
    const met =
      delivering.length === 0
        ? outcome.complete
        : delivering.every((i) => {
            const progress = state.modules[i];
            const module = content.modules[i];
            return (
              !!progress?.completed && !!module && moduleOutcome(content, module, progress).passed
            );
          });
    return { outcome: o, met };
  });
  return {
    modules,
    outcomes,
    complete: outcome.complete,
    passed: outcome.passed,
    score: outcome.score,
    plannedMinutes: modules
      .filter((m) => m.completed)
      .reduce((sum, m) => sum + m.module.durationMinutes, 0),
  };
}
