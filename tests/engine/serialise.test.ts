import { describe, expect, it } from 'vitest';
import {
  drawQuestions,
  initialState,
  levelContent,
  restore,
  serialise,
  SAVED_FORMATS,
  STATE_VERSION,
  transition,
  upgradeSaved,
  walkScenario,
  worstCaseSize,
  type Answer,
  type LearnerEvent,
  type LearnerState,
  type LevelContent,
} from '../../src/engine/index.ts';
import { fixtureCourse, fixtureLevel, play } from './fixture.ts';

const foundation = fixtureLevel('foundation');

/** Restores what was saved and checks it comes back exactly: same state, same string. */
function expectRoundTrip(content: LevelContent, state: LearnerState) {
  const saved = serialise(content, state);
  const back = restore(content, saved, 999);
  expect(back.ok, saved).toBe(true);
  expect(back.state).toEqual(state);
  expect(serialise(content, back.state)).toBe(saved);
}

describe('saved state', () => {
  it('round-trips at every step of every scenario path', () => {
    let visited = 0;
    walkScenario(foundation, 0, (state) => {
      visited++;
      expectRoundTrip(foundation, state);
    });
    expect(visited).toBeGreaterThan(10);
  });

  it('round-trips through the quiz, answers included', () => {
    let state = play(foundation, initialState(foundation, 3), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'choose', option: 0 },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'continue' },
    ]).state;
    const questions = drawQuestions(foundation.modules[0]!, foundation.level, 3, 1);
    const answers = [
      { type: 'single', option: 1 },
      { type: 'multiple', options: [0, 2] },
      { type: 'true-false', value: false },
      { type: 'matching', matches: [2, 0, 1] },
    ] as const;
    expect(questions.map((q) => q.type)).toEqual(answers.map((a) => a.type));
    for (const answer of answers) {
      state = transition(foundation, state, { type: 'answer', answer })[0];
      expectRoundTrip(foundation, state);
      state = transition(foundation, state, { type: 'continue' })[0];
      expectRoundTrip(foundation, state);
    }
    expect(state.modules[0]?.phase).toBe('results');
  });

  it('is compact: a module in progress takes a few dozen characters', () => {
    const { state } = play(foundation, initialState(foundation, 123456), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'choose', option: 1 },
    ]);
    const saved = serialise(foundation, state);
    expect(saved).toMatch(/^1~foundation~2n9c~0~[0-9a-z]{3}\.s0\.1\*\.0\.1-\.0\.0\.-\.$/);
  });

  it.each([
    ['an empty string', '', 'No saved progress'],
    ['an unknown version', '7~foundation~1~-~abc', 'format "7"'],
    ['another level', '1~advanced~1~-', 'level "advanced"'],
    ['garbage', '%%%not state%%%', 'format'],
    ['a non-number seed', '1~foundation~zz!~-~', 'could not be read'],
    ['a step out of range', '1~foundation~1~0~HASH.s0.zz.0.--.0.0.-.', 'could not be read'],
    [
      'a choice for a missing option',
      '1~foundation~1~0~HASH.s0.1.0.9-.0.0.-.',
      'could not be read',
    ],
    ['too few answers', '1~foundation~1~0~HASH.q0.6.0.0-.1.0.-.0', 'could not be read'],
    [
      'an answer of the wrong shape',
      '1~foundation~1~0~HASH.q0.6.0.0-.1.0.-.t:t:t:t',
      'could not be read',
    ],
  ])('restores %s to a clean start with a reason, without throwing', (_, text, reason) => {
    const hash =
      serialise(foundation, initialState(foundation, 1)).split('~')[4]?.split('.')[0] ?? '';
    const result = restore(foundation, text.replace('HASH', hash), 42);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
    expect(result.state).toEqual(initialState(foundation, 42));
  });

  it('never throws on damaged data, and whatever it restores can be played on', () => {
    const { state } = play(foundation, initialState(foundation, 5), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'choose', option: 0 },
    ]);
    const saved = serialise(foundation, state);
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz~.*-:!';
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * saved.length);
      const damaged =
        i % 3 === 0
          ? saved.slice(0, at)
          : saved.slice(0, at) +
            alphabet[Math.floor(random() * alphabet.length)] +
            saved.slice(at + (i % 2));
      const result = restore(foundation, damaged, 1);
      expect(() => {
        let s = result.state;
        for (const event of [
          { type: 'open-module', module: 0 },
          { type: 'continue' },
          { type: 'choose', option: 0 },
          { type: 'continue' },
        ] as const) {
          s = transition(foundation, s, event)[0];
        }
        serialise(foundation, s);
      }, damaged).not.toThrow();
    }
  });

  it('restarts only a module whose content changed, and says so', () => {
    const course = fixtureCourse();
    const twoModules = {
      ...course,
      levels: [{ ...course.levels[0]!, modules: ['sample', 'copy'] }],
      modules: [course.modules[0]!, { ...course.modules[0]!, id: 'copy', title: 'Copy' }],
    };
    const before = levelContent(twoModules, 'foundation');
    const state = play(before, initialState(before, 9), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'leave-module' },
      { type: 'open-module', module: 1 },
      { type: 'continue' },
    ]).state;
    const saved = serialise(before, state);

    const copy = twoModules.modules[1]!;
    const changedCopy = {
      ...copy,
      scenario: { ...copy.scenario, steps: copy.scenario.steps.slice(0, -1) },
    };
    const after = levelContent(
      { ...twoModules, modules: [twoModules.modules[0]!, changedCopy] },
      'foundation',
    );
    const result = restore(after, saved, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notes).toEqual(['"Copy" has changed since your last visit, so it starts again.']);
    expect(result.state.modules[0]).toEqual(state.modules[0]);
    expect(result.state.modules[1]?.phase).toBe('not-started');
    expect(result.state.current).toBeNull();
  });

  it('restarts a module whose decision options were swapped, so a saved choice never points at another option', () => {
    const course = fixtureCourse();
    const sample = course.modules[0]!;
    const before = levelContent(course, 'foundation');
    const decision = sample.scenario.steps.findIndex(
      (s) =>
        s.type === 'decision' && new Set(s.options.map((o) => JSON.stringify(o.next))).size > 1,
    );
    expect(decision).toBeGreaterThanOrEqual(0);
    const step = sample.scenario.steps[decision]!;
    if (step.type !== 'decision') return;
    const swapped = {
      ...sample,
      scenario: {
        ...sample.scenario,
        steps: sample.scenario.steps.map((s, i) =>
          i === decision ? { ...step, options: [...step.options].reverse() } : s,
        ),
      },
    };
    const after = levelContent(
      { ...course, modules: [swapped, ...course.modules.slice(1)] },
      'foundation',
    );
    const state = play(before, initialState(before, 9), [{ type: 'open-module', module: 0 }]).state;
    const result = restore(after, serialise(before, state), 1);
    expect(result.ok && result.notes).toEqual([
      `"${sample.title}" has changed since your last visit, so it starts again.`,
    ]);
    // Nor may a saved step index meet a different path: a narrative step that now leads elsewhere.
    const narrative = sample.scenario.steps.findIndex((s) => s.type === 'narrative');
    const rerouted = {
      ...sample,
      scenario: {
        ...sample.scenario,
        steps: sample.scenario.steps.map((s, i) =>
          i === narrative && s.type === 'narrative'
            ? { ...s, next: [{ to: sample.scenario.steps.at(-1)!.id, if: [], unless: [] }] }
            : s,
        ),
      },
    };
    const moved = restore(
      levelContent({ ...course, modules: [rerouted, ...course.modules.slice(1)] }, 'foundation'),
      serialise(before, state),
      1,
    );
    expect(moved.ok && moved.notes).toHaveLength(1);
    // Wording is not structure: new option texts keep the learner's progress.
    const reworded = {
      ...sample,
      scenario: {
        ...sample.scenario,
        steps: sample.scenario.steps.map((s, i) =>
          i === decision
            ? {
                ...step,
                options: step.options.map((o) => ({
                  ...o,
                  text: { html: 'New words', text: 'New words' },
                })),
              }
            : s,
        ),
      },
    };
    const kept = restore(
      levelContent({ ...course, modules: [reworded, ...course.modules.slice(1)] }, 'foundation'),
      serialise(before, state),
      1,
    );
    expect(kept.ok && kept.notes).toEqual([]);
  });

  describe('when a level gains, loses or reorders modules', () => {
    // A level of two modules, both started, the learner in the second: what an author's update to
    // the level must not take away.
    const course = fixtureCourse();
    const sample = course.modules[0]!;
    const copy = { ...sample, id: 'copy', title: 'Copy' };
    const added = { ...sample, id: 'added', title: 'Added' };
    const withModules = (ids: readonly string[]) =>
      levelContent(
        {
          ...course,
          levels: [{ ...course.levels[0]!, modules: ids }],
          modules: [sample, copy, added],
        },
        'foundation',
      );
    const before = withModules(['sample', 'copy']);
    const state = play(before, initialState(before, 9), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'leave-module' },
      { type: 'open-module', module: 1 },
      { type: 'continue' },
      { type: 'continue' },
    ]).state;
    const saved = serialise(before, state);

    it("keeps every module's progress, and the learner's place, when a module is added before them", () => {
      const result = restore(withModules(['added', 'sample', 'copy']), saved, 1);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.notes).toEqual([]);
      expect(result.state.modules[0]?.phase).toBe('not-started');
      expect(result.state.modules[1]).toEqual(state.modules[0]);
      expect(result.state.modules[2]).toEqual(state.modules[1]);
      expect(result.state.current).toBe(2);
    });

    it('keeps them when the modules change order', () => {
      const result = restore(withModules(['copy', 'sample']), saved, 1);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.notes).toEqual([]);
      expect(result.state.modules).toEqual([state.modules[1], state.modules[0]]);
      expect(result.state.current).toBe(0);
    });

    it('keeps the rest when a module is taken out, and leaves the learner at the list if it was theirs', () => {
      const result = restore(withModules(['sample']), saved, 1);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.state.modules).toEqual([state.modules[0]]);
      expect(result.state.current).toBeNull();
    });
  });

  it('computes a worst case no real path exceeds', () => {
    for (const level of ['foundation', 'advanced'] as const) {
      const content = fixtureLevel(level);
      const worst = worstCaseSize(content);
      let longest = 0;
      walkScenario(content, 0, (state) => {
        longest = Math.max(longest, serialise(content, state).length);
      });
      expect(longest).toBeGreaterThan(0);
      expect(worst).toBeGreaterThanOrEqual(longest);
      expect(worst).toBeLessThan(longest + 40);
    }
  });
});

describe('saved state written by earlier code', () => {
  // Strings saved by the code before options were shown in a per-learner order (commit aa151ab),
  // each at a point of a level, with the learner's events from a fresh start (seed 0x5eed1) that
  // led there. Display order is derived, never saved, so these still mean the same place: the same
  // step, choices, attempt, question and answers. (They are tied to the fixture course: a change
  // to its structure changes its module hash, and these would need capturing again.)
  const cont = { type: 'continue' } as const;
  const scenario: LearnerEvent[] = [
    { type: 'open-module', module: 0 },
    cont,
    cont,
    { type: 'choose', option: 1 },
    cont,
    cont,
    { type: 'choose', option: 0 },
    cont,
    cont,
  ];
  const answer = (a: Answer): LearnerEvent[] => [{ type: 'answer', answer: a }, cont];
  const foundationQuiz = [
    ...answer({ type: 'single', option: 0 }),
    ...answer({ type: 'multiple', options: [0, 2] }),
    ...answer({ type: 'true-false', value: true }),
    ...answer({ type: 'matching', matches: [1, 0, 2] }),
    { type: 'retry-quiz' },
    { type: 'answer', answer: { type: 'single', option: 1 } },
  ] as const satisfies LearnerEvent[];
  const advancedRun: LearnerEvent[] = [
    ...scenario,
    ...answer({ type: 'single', option: 1 }),
    ...answer({ type: 'multiple', options: [0, 1] }),
    ...answer({ type: 'true-false', value: false }),
    ...answer({ type: 'ordering', order: [0, 2, 1, 3] }),
    ...answer({ type: 'matching', matches: [0, 1, 2] }),
    cont,
    cont,
  ];
  const foundationRun: LearnerEvent[] = [...scenario, ...foundationQuiz];
  const captured: [
    level: 'foundation' | 'advanced',
    events: number,
    where: string,
    saved: string,
  ][] = [
    ['foundation', 1, 'the introduction', '1~foundation~8c0h~0~vs1.i0.0.0.--.0.0.-.'],
    ['foundation', 4, 'a decision, answered', '1~foundation~8c0h~0~vs1.s0.1*.0.1-.0.0.-.'],
    ['foundation', 7, 'a second decision, answered', '1~foundation~8c0h~0~vs1.s0.3*.0.10.0.0.-.'],
    [
      'foundation',
      12,
      'a quiz question, answered',
      '1~foundation~8c0h~0~vs1.q0.4.0.10.1.1*.-.0:5:-:-',
    ],
    [
      'foundation',
      17,
      'results of a failed attempt',
      '1~foundation~8c0h~0~vs1.r0.4.0.10.1.3.0.0:5:t:102',
    ],
    [
      'foundation',
      19,
      'a retry, first answer given',
      '1~foundation~8c0h~0~vs1.q0.4.0.10.2.0*.0.1:-:-:-',
    ],
    [
      'advanced',
      16,
      'an ordering question, answered',
      '1~advanced~8c0h~0~l0q.q0.4.0.10.1.3*.-.1:3:f:0213:-',
    ],
    ['advanced', 20, 'reflection', '1~advanced~8c0h~0~l0q.f1.4.0.10.1.4.28.1:3:f:0213:012'],
    [
      'advanced',
      21,
      'the module list, the module done',
      '1~advanced~8c0h~-~l0q.d1.4.0.10.1.4.28.1:3:f:0213:012',
    ],
  ];

  it.each(captured)(
    '%s after %i events (%s) restores to the same place',
    (level, events, _, saved) => {
      const content = fixtureLevel(level);
      const run = level === 'foundation' ? foundationRun : advancedRun;
      const expected = play(content, initialState(content, 0x5eed1), run.slice(0, events)).state;
      const result = restore(content, saved, 1);
      expect(result.ok && result.notes).toEqual([]);
      expect(result.state).toEqual(expected);
      // The layout has not changed: today's code writes exactly what the earlier code wrote.
      expect(serialise(content, result.state)).toBe(saved);
    },
  );
});

describe('saved-state migrations', () => {
  // A made-up history of layouts, so the mechanism is tested before a real migration exists:
  // layout 2 added a field after the seed, layout 3 wrote the level id in capitals.
  const history = {
    current: 3,
    oldest: 2,
    migrations: {
      1: () => {
        throw new Error('never called: layout 1 is below the oldest');
      },
      2: (saved: string) => saved.replace(/^2~([^~]*)~([^~]*)~x~/, '3~$1~$2~'),
      3: () => {
        throw new Error('never called: layout 3 is current');
      },
    },
  };

  it('moves a string on one layout at a time to the current one', () => {
    const result = upgradeSaved(foundation, '2~foundation~1~x~-', history);
    expect(result).toEqual({ ok: true, saved: '3~foundation~1~-', from: 2 });
    expect(upgradeSaved(foundation, '3~foundation~1~-', history)).toEqual({
      ok: true,
      saved: '3~foundation~1~-',
      from: 3,
    });
  });

  it.each([
    ['older than the oldest layout', '1~foundation~1~-', 'older than this version'],
    ['newer than this code', '4~foundation~1~-', 'format "4", which this version'],
    ['not a version at all', 'abc~foundation', 'format "abc"'],
  ])('refuses a string %s, with the reason', (_, saved, reason) => {
    const result = upgradeSaved(foundation, saved, history);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('refuses a migration that fails or does not produce the next layout', () => {
    const throwing = {
      ...history,
      migrations: {
        2: () => {
          throw new Error('bad field');
        },
      },
    };
    const failed = upgradeSaved(foundation, '2~foundation~1~x~-', throwing);
    expect(failed.ok === false && failed.reason).toContain('from format 2 to 3 (bad field)');
    const wrong = { ...history, migrations: { 2: (s: string) => s } };
    const stuck = upgradeSaved(foundation, '2~foundation~1~x~-', wrong);
    expect(stuck.ok === false && stuck.reason).toContain('did not come out in format 3');
    const missing = upgradeSaved(foundation, '2~foundation~1~x~-', { ...history, migrations: {} });
    expect(missing.ok === false && missing.reason).toContain('no way to the current format');
  });

  it('restores a string saved in an older layout where the learner left it', () => {
    const state = play(foundation, initialState(foundation, 77), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'choose', option: 1 },
    ]).state;
    const saved = serialise(foundation, state);
    // Pretend today's layout is "2" and layout 1 had an extra field after the seed.
    const older = saved.replace(/^1~([^~]*)~([^~]*)~/, '1~$1~$2~old~');
    const formats = {
      current: 2,
      oldest: 1,
      migrations: { 1: (s: string) => s.replace(/^1~([^~]*)~([^~]*)~old~/, '2~$1~$2~') },
    };
    expect(restore(foundation, older, 1).ok).toBe(false); // unreadable without the migration
    const result = restore(foundation, older, 1, formats);
    expect(result.ok).toBe(true);
    expect(result.state).toEqual(state);
  });

  it('has a migration for every layout from the oldest it reads to the current', () => {
    expect(SAVED_FORMATS.current).toBe(STATE_VERSION);
    expect(SAVED_FORMATS.oldest).toBeLessThanOrEqual(SAVED_FORMATS.current);
    for (let v = SAVED_FORMATS.oldest; v < SAVED_FORMATS.current; v++)
      expect(SAVED_FORMATS.migrations[v], `migration from layout ${v}`).toBeTypeOf('function');
  });
});
