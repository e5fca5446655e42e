import type { Module, Next } from '../model/course.ts';
import { drawSize } from './quiz.ts';
import {
  MAX_ATTEMPT_COUNT,
  decisionSteps,
  isUnderway,
  type LearnerState,
  type LevelContent,
  type ModuleProgress,
  type ScenarioProgress,
} from './state.ts';

/**
 * Progress through a level, counted in the learner's moves: every Continue, choice and answer is
 * one, so the bar moves at each step of a scenario and not only when one ends. A module's share
 * of the level is its number of moves: opening the scenario, its steps, leaving its ending, each
 * quiz question (answer, then continue), the pass, and the reflection.
 *
 * A scenario branches, so the moves still to come are not known until the learner takes them.
 * They are counted on the longest way left from where the learner stands (every branch counted
 * possible, whatever the flags): each move takes at least one off it, so progress never goes back,
 * and a shorter way taken only makes it jump forward. On a loop each step counts the first time
 * through; going round again holds progress rather than taking it back.
 *
 * The measure reaches 1 only when the level is complete (every module's quiz passed or out of
 * attempts), whatever is left to read; until then it stops at 0.99.
 */
export function progressMeasure(content: LevelContent, state: LearnerState): number {
  if (state.modules.length > 0 && state.modules.every((m) => m.completed)) return 1;
  // Nothing moved yet (a first launch): 0, without walking every scenario for the total, which
  // the first view would otherwise pay for on every new learner's launch.
  if (content.modules.length > 0 && !state.modules.some((m) => isUnderway(m.phase))) return 0;
  let done = 0;
  let total = 0;
  content.modules.forEach((module, i) => {
    const questions = drawSize(module, content.level);
    total += moduleMoves(module, questions);
    const progress = state.modules[i];
    if (progress) done += movesMade(module, questions, progress);
  });
  if (total === 0) return 1;
  // Four places, as the LMS is sent (progress_measure), so a step in a long level still shows.
  return Math.min(0.99, Math.round((done / total) * 10_000) / 10_000);
}

/** Moves from opening a module to finishing its reflection, on the longest way through. */
function moduleMoves(module: Module, questions: number): number {
  const { longest } = scenarioDistances(module);
  // Intro → first step, the scenario, ending → quiz or reflection, then reflection → done; with a
  // quiz, each question's answer and continue, the pass, and results → reflection.
  return 1 + longest + 1 + (questions > 0 ? 2 * questions + 2 : 0) + 1;
}

/**
 * Moves made so far in a module. Quiz retries sit inside the move to a pass: attempt k fills the
 * stretch from 1 − 1/(k − 1) to 1 − 1/k of it, so a retry moves the bar on without ever reaching
 * the pass, and a new attempt never starts behind the last.
 */
function movesMade(module: Module, questions: number, progress: ModuleProgress): number {
  const { longest, remaining } = scenarioDistances(module);
  const quizStart = longest + 2;
  const passed = quizStart + 2 * questions + 1;
  const reflection = questions > 0 ? passed + 1 : quizStart;
  const { scenario, quiz } = progress;
  switch (progress.phase) {
    case 'not-started':
    case 'intro':
      return 0;
    case 'scenario':
      return 1 + longest - remaining(scenario);
    case 'quiz': {
      const screen = 2 * quiz.question + (quiz.answered ? 1 : 0);
      if (quiz.attempt <= 1) return quizStart + screen;
      if (quiz.attempt >= MAX_ATTEMPT_COUNT)
        return quizStart + 2 * questions + retryShare(quiz.attempt);
      const from = retryShare(quiz.attempt - 1);
      const to = retryShare(quiz.attempt);
      return quizStart + 2 * questions + from + ((to - from) * screen) / (2 * questions);
    }
    case 'results':
      return progress.completed ? passed : quizStart + 2 * questions + retryShare(quiz.attempt);
    case 'reflection':
      return reflection;
    case 'done':
      return reflection + 1;
  }
}

/** How much of the move to a pass a failed attempt k has made: 0, ½, ⅔, ¾… never 1. */
const retryShare = (attempt: number) => 1 - 1 / Math.max(1, attempt);

interface ScenarioDistances {
  /** Moves from the first step to an ending on the longest way. */
  readonly longest: number;
  /** Moves left to an ending on the longest way, from where the learner stands. */
  remaining(scenario: ScenarioProgress): number;
}

const distances = new WeakMap<Module, ScenarioDistances>();

/**
 * The longest way left, over the graph of places (place 2i is step i, 2i + 1 is decision i with its
 * consequence showing) with every branch of every `next` as an edge. Places that can come round
 * again (a loop) are grouped (strongly connected components, Tarjan) so "longest" is finite. The
 * first time through a group, before any of its decisions is made, each step still counts (the
 * steps in order, on the longest way through the group); once one is made the learner stands at the
 * group's end until they leave it, so going round the loop holds progress and never takes it back.
 */
function scenarioDistances(module: Module): ScenarioDistances {
  const known = distances.get(module);
  if (known) return known;
  const { steps, stepIndex, start } = module.scenario;
  const place = (id: string) => 2 * (stepIndex[id] ?? 0);
  const targets = (next: Next) => next.map((branch) => place(branch.to));
  const edges: number[][] = [];
  steps.forEach((step, i) => {
    if (step.type === 'decision') {
      edges[2 * i] = [2 * i + 1];
      edges[2 * i + 1] = step.options.flatMap((option) => targets(option.next));
    } else {
      edges[2 * i] = step.type === 'ending' ? [] : targets(step.next);
      edges[2 * i + 1] = [];
    }
  });

  const group = stronglyConnected(edges);
  const groups = Math.max(-1, ...group) + 1;
  const members: number[][] = Array.from({ length: groups }, () => []);
  group.forEach((g, node) => members[g]?.push(node));
  const decisions = decisionSteps(module);
  /** Per group, the slots (in `choices`) of its decisions. */
  const slots = members.map((nodes) =>
    nodes.filter((n) => n % 2 === 1).map((n) => decisions.indexOf((n - 1) / 2)),
  );
  /** Per place on a loop, its order the first time through (unset: no order, held at the end). */
  const firstPass: (number | undefined)[] = [];
  /** Per group, moves from its first place to its end (0 for a place on no loop). */
  const span = members.map((nodes) => {
    if (nodes.length < 2) return 0;
    const order = firstPassOrder(nodes, edges);
    if (!order) return 0;
    order.forEach((rank, node) => (firstPass[node] = rank));
    return Math.max(...order.values()) + 1;
  });
  // Tarjan numbers groups in reverse topological order: every edge leads to a lower-numbered group
  // (or within its own), so one pass in numbering order finds each group's longest way out.
  const out: number[] = [];
  for (let g = 0; g < groups; g++) {
    let best = 0;
    for (const node of members[g] ?? [])
      for (const to of edges[node] ?? []) {
        const other = group[to] ?? g;
        if (other !== g) best = Math.max(best, 1 + (out[other] ?? 0) + (span[other] ?? 0));
      }
    out[g] = best;
  }

  const remainingAt = (node: number, choices: readonly number[]) => {
    const g = group[node] ?? 0;
    const rank = firstPass[node];
    const fresh = rank !== undefined && (slots[g] ?? []).every((slot) => (choices[slot] ?? -1) < 0);
    return (out[g] ?? 0) + (span[g] ?? 0) - (fresh ? rank : (span[g] ?? 0));
  };
  const result: ScenarioDistances = {
    longest: remainingAt(
      place(start),
      decisions.map(() => -1),
    ),
    remaining: (scenario) =>
      remainingAt(2 * scenario.step + (scenario.answered ? 1 : 0), scenario.choices),
  };
  distances.set(module, result);
  return result;
}

/**
 * The order of a loop's places the first time through, before any decision on it is made: the
 * longest way to each along steps that move on by themselves (a decision's place leads only to
 * its consequence, which is made, so ends the first time through). None when those steps could
 * go round by themselves (a loop only flags could close).
 */
function firstPassOrder(
  nodes: readonly number[],
  edges: readonly (readonly number[])[],
): Map<number, number> | undefined {
  const inGroup = new Set(nodes.filter((n) => n % 2 === 0));
  const next = (n: number) => (edges[n] ?? []).filter((to) => inGroup.has(to));
  const incoming = new Map<number, number>([...inGroup].map((n) => [n, 0]));
  for (const n of inGroup) for (const to of next(n)) incoming.set(to, (incoming.get(to) ?? 0) + 1);
  const rank = new Map<number, number>([...inGroup].map((n) => [n, 0]));
  const ready = [...inGroup].filter((n) => incoming.get(n) === 0);
  let seen = 0;
  for (let n = ready.pop(); n !== undefined; n = ready.pop()) {
    seen += 1;
    for (const to of next(n)) {
      rank.set(to, Math.max(rank.get(to) ?? 0, (rank.get(n) ?? 0) + 1));
      const left = (incoming.get(to) ?? 0) - 1;
      incoming.set(to, left);
      if (left === 0) ready.push(to);
    }
  }
  return seen === inGroup.size ? rank : undefined;
}

/** Tarjan's algorithm: each node's component number, in reverse topological order. */
function stronglyConnected(edges: readonly (readonly number[])[]): number[] {
  const index: number[] = [];
  const low: number[] = [];
  const group: number[] = [];
  const stack: number[] = [];
  const onStack: boolean[] = [];
  let counter = 0;
  let groups = 0;
  const visit = (node: number) => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = true;
    for (const to of edges[node] ?? []) {
      if (index[to] === undefined) {
        visit(to);
        low[node] = Math.min(low[node] ?? 0, low[to] ?? 0);
      } else if (onStack[to]) {
        low[node] = Math.min(low[node] ?? 0, index[to] ?? 0);
      }
    }
    if (low[node] === index[node]) {
      let member: number | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack[member] = false;
        group[member] = groups;
      } while (member !== node);
      groups += 1;
    }
  };
  for (let node = 0; node < edges.length; node++) if (index[node] === undefined) visit(node);
  return group;
}
