import { describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import type { Module, Step } from '../../src/model/course.ts';
import { facilitatorPack, modulesOf, questionsFor } from '../../src/facilitator/pack.ts';
import { decisionResult, interactionId, optionId } from '../../src/engine/index.ts';
import { storyMap, storyMapList } from '../../src/facilitator/story-map.ts';

/**
 * The facilitator pack holds everything a trainer needs from each module, from the compiled
 * course itself (so a content change changes the pack), and keeps the answers apart.
 */
const { course } = compileCourseDirectory('course');
if (!course) throw new Error('The course in course/ does not compile: see tests/course.');
const pack = new Map(facilitatorPack(course).map((f) => [f.path, f.html]));

/** Every piece of learner-facing text a step holds, as the compiled course renders it. */
function stepTexts(step: Step): string[] {
  switch (step.type) {
    case 'narrative':
      return [step.text.html, ...step.knew.map((k) => k.html)];
    case 'reveal':
      return [step.text.html];
    case 'ending':
      return [step.text.html, step.debrief.html];
    case 'decision':
      return [
        ...(step.text ? [step.text.html] : []),
        step.question.html,
        ...step.options.flatMap((o) => [
          o.text.html.replace(/^<p>|<\/p>\s*$/g, ''),
          o.feedback.html,
        ]),
      ];
  }
}

const cases = course.levels.flatMap((level) =>
  modulesOf(course, level).map((module) => ({ level, module, name: `${level.id}/${module.id}` })),
);

describe('facilitator pack', () => {
  it('has a page, an answers page and a poster for every module of every level, and indexes', () => {
    expect(pack.has('index.html')).toBe(true);
    for (const { level, module } of cases) {
      expect(pack.has(`${level.id}/index.html`)).toBe(true);
      for (const suffix of ['', '-answers', '-poster'])
        expect(pack.has(`${level.id}/${module.id}${suffix}.html`), `${module.id}${suffix}`).toBe(
          true,
        );
    }
  });

  it.each(cases)(
    '$name: every step, option, consequence, reveal and reflection prompt is on its page',
    ({ level, module }) => {
      const html = pack.get(`${level.id}/${module.id}.html`)!;
      for (const step of module.scenario.steps) {
        for (const text of stepTexts(step)) expect(html, `${module.id}/${step.id}`).toContain(text);
      }
      for (const prompt of module.reflection) expect(html).toContain(prompt.html);
      expect(html).toContain(module.contentNote.html);
    },
  );

  it.each(cases)(
    '$name: every question is on the answers page with its answer and key message, and nowhere else',
    ({ level, module }) => {
      const answers = pack.get(`${level.id}/${module.id}-answers.html`)!;
      const main = pack.get(`${level.id}/${module.id}.html`)!;
      const poster = pack.get(`${level.id}/${module.id}-poster.html`)!;
      const questions = questionsFor(module, level);
      for (const q of questions) {
        expect(answers).toContain(q.prompt.html);
        if (q.type === 'single' || q.type === 'multiple') {
          const right = q.options.filter((o) => o.correct).length;
          // Each right option is marked as right, once.
          expect(answers.split('Right answer.').length - 1).toBeGreaterThanOrEqual(right);
        }
        for (const page of [main, poster]) expect(page).not.toContain(q.prompt.html);
      }
      expect(answers.split('<section').length - 1).toBe(questions.length);
      // The marks of an answer appear on the answers page only.
      for (const page of [main, poster]) {
        expect(page).not.toContain('class="answer"');
        expect(page).not.toContain('Right answer.');
      }
    },
  );

  it('names the edition’s route on each poster and in the plan, or the neutral one without an edition', () => {
    const poster = (html: string) => html.slice(html.indexOf('Worried about a child?'));
    const { level, module } = cases[0]!;
    const neutral = facilitatorPack({ ...course, edition: undefined });
    const page = (files: typeof neutral, suffix: string) =>
      files.find((f) => f.path === `${level.id}/${module.id}${suffix}.html`)!.html;
    expect(poster(page(neutral, '-poster'))).toContain('your designated safeguarding lead (DSL)');
    const edited = facilitatorPack({
      ...course,
      edition: {
        name: 'Northshire Council',
        contacts: {
          dsl: { who: 'the Northshire safeguarding team', phone: '01234 567890' },
          frontDoor: { who: 'the front door' },
          lado: { who: 'the LADO' },
        },
        procedures: { text: 'the Northshire procedures', url: 'https://example.org/procedures' },
        theme: {},
      },
    });
    for (const suffix of ['-poster', '']) {
      expect(page(edited, suffix)).toContain('the Northshire safeguarding team (01234 567890)');
      expect(page(edited, suffix)).toContain(
        '<a href="https://example.org/procedures">the Northshire procedures</a>',
      );
    }
  });

  it('has an LMS report key per level: each interaction id, its options by letter and what each result means', () => {
    for (const level of course.levels) {
      const key = pack.get(`${level.id}/report-key.html`)!;
      expect(pack.get(`${level.id}/index.html`)).toContain('href="report-key.html"');
      for (const module of modulesOf(course, level)) {
        for (const step of module.scenario.steps) {
          if (step.type !== 'decision') continue;
          const block = key.split(`<code>${interactionId(module.id, step.id)}</code>`)[1]!;
          expect(block, `${level.id}/${module.id}/${step.id}`).toBeDefined();
          // Its options in the order written, each with its letter and the result it records.
          const rows = block.split('</table>')[0]!.split('<tr>').slice(2);
          expect(rows).toHaveLength(step.options.length);
          step.options.forEach((_option, i) => {
            expect(rows[i]).toContain(`<code>${optionId(i)}</code>`);
            const result = decisionResult(step, i);
            expect(rows[i]).toContain(
              result === 'incorrect' ? '<code>wrong</code>' : `<code>${result}</code>`,
            );
          });
        }
        for (const question of questionsFor(module, level)) {
          const block = key.split(`<code>${interactionId(module.id, question.id)}</code>`)[1]!;
          expect(block, `${level.id}/${module.id}/${question.id}`).toBeDefined();
          if (question.type === 'single') {
            const right = optionId(question.options.findIndex((o) => o.correct));
            expect(block).toMatch(
              new RegExp(
                `^[\\s\\S]*?Right response: <code>${right}</code> \\(SCORM 1\\.2\\), <code>${right}</code> \\(SCORM 2004\\)`,
              ),
            );
          }
          if (question.type === 'true-false') {
            // As each version records it: t or f in 1.2, true or false in 2004.
            const [t, full] = question.answer ? ['t', 'true'] : ['f', 'false'];
            expect(block).toMatch(
              new RegExp(
                `^[\\s\\S]*?Right response: <code>${t}</code> \\(SCORM 1\\.2\\), <code>${full}</code> \\(SCORM 2004\\)`,
              ),
            );
          }
        }
      }
    }
  });

  it('is the same on every build (deterministic)', () => {
    const again = facilitatorPack(course);
    expect(again.map((f) => [f.path, f.html])).toEqual([...pack.entries()]);
  });

  it('changes when a module changes', () => {
    const module = course.modules[0]!;
    const edited: Module = {
      ...module,
      reflection: [
        { html: '<p>A new prompt for the pack test.</p>', text: 'A new prompt for the pack test.' },
      ],
    };
    const changed = facilitatorPack({
      ...course,
      modules: course.modules.map((m) => (m === module ? edited : m)),
    });
    const level = course.levels.find((l) => l.modules.includes(module.id))!;
    expect(changed.find((f) => f.path === `${level.id}/${module.id}.html`)!.html).toContain(
      'A new prompt for the pack test.',
    );
  });
});

describe('story map', () => {
  it.each(course.modules.map((m) => ({ id: m.id, module: m })))(
    '$id: one node per step, one edge per next, and the list says the same',
    ({ module }) => {
      const map = storyMap(module.scenario);
      expect(map.nodes.map((n) => n.id)).toEqual(module.scenario.steps.map((s) => s.id));
      const branches = module.scenario.steps.reduce(
        (sum, s) =>
          sum +
          (s.type === 'ending'
            ? 0
            : s.type === 'decision'
              ? s.options.reduce((n, o) => n + o.next.length, 0)
              : s.next.length),
        0,
      );
      expect(map.edges.length).toBe(branches);
      const list = storyMapList(map, 'list');
      expect(list.match(/leads to “/gi)?.length ?? 0).toBe(branches);
      expect(list.split('Ends the scenario.').length - 1).toBe(
        module.scenario.steps.filter((s) => s.type === 'ending').length,
      );
      // A compiled course has no unreachable step (the content checks refuse them).
      expect(map.nodes.filter((n) => n.unreachable)).toEqual([]);
    },
  );

  it('marks a loop and an unreachable step when a scenario has them', () => {
    const next = (to: string) => [{ to, if: [], unless: [] }];
    const text = { html: '<p>t</p>', text: 't' };
    const map = storyMap({
      start: 'a',
      stepIndex: { a: 0, b: 1, c: 2, d: 3 },
      flags: [],
      steps: [
        {
          id: 'a',
          type: 'narrative',
          title: 'A',
          reconstructed: false,
          text,
          knew: [],
          next: next('b'),
        },
        {
          id: 'b',
          type: 'decision',
          title: 'B',
          reconstructed: false,
          question: text,
          options: [
            { text, feedback: text, weight: 1, sets: [], next: next('c') },
            { text, feedback: text, weight: 0, sets: [], next: next('a') },
          ],
        },
        { id: 'c', type: 'ending', title: 'C', reconstructed: false, text, debrief: text },
        { id: 'd', type: 'ending', title: 'D', reconstructed: false, text, debrief: text },
      ],
    });
    const by = Object.fromEntries(map.nodes.map((n) => [n.id, n]));
    expect([by.a!.inLoop, by.b!.inLoop, by.c!.inLoop]).toEqual([true, true, false]);
    expect(by.d!.unreachable).toBe(true);
    expect(map.edges.find((e) => e.from === 'b' && e.to === 'a')!.back).toBe(true);
    expect(storyMapList(map, 'x')).toContain('part of a loop');
    expect(storyMapList(map, 'x')).toContain('unreachable');
  });
});
