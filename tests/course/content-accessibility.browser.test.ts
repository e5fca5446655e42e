import { afterEach, describe, expect, it } from 'vitest';
import course from 'virtual:course';
import '../../src/components/sg-module-start/sg-module-start.ts';
import '../../src/components/sg-question/sg-question.ts';
import '../../src/components/sg-reflection/sg-reflection.ts';
import '../../src/components/sg-scenario/sg-scenario.ts';
import type { Question } from '../../src/model/course.ts';
import type { Answer } from '../../src/engine/index.ts';
import { decisionSteps } from '../../src/engine/index.ts';
import { kindOf } from '../../src/questions/lookup.ts';
import { axeViolations, deepQuery, mount, text } from '../components/helpers.ts';

/**
 * The real course's text in the real views, every piece of it: each module's start page, every
 * scenario step (each decision before choosing and after each option), every quiz question before
 * and after an answer, and the reflection. The component tests check the views with a small fixture; this checks that
 * what authors wrote (Markdown, headings, lists, links, lengths) still makes pages with a heading
 * and no axe (WCAG 2.2 A/AA) violations.
 */
/**
 * A wrong answer of the question's type (its kind's sample), so that the answered view shows the
 * most it can: the chosen option's feedback, and the right answer where the type shows it.
 */
const someAnswer = (question: Question): Answer => kindOf(question).samples(question).wrong;

describe('the course in course/, page by page (axe)', () => {
  afterEach(() => document.body.replaceChildren());

  it.each(course.modules.map((m) => [m.id, m]))('%s', async (_, module) => {
    const pages: [what: string, problems: string[]][] = [];
    const check = async (what: string, root: Element) => {
      const heading = text(deepQuery(root, 'h1'));
      pages.push([what, [...(heading === '' ? ['no h1 text'] : []), ...(await axeViolations())]]);
    };

    const level = course.levels.find((l) => l.modules.includes(module.id))!;
    await check('module start', await mount('sg-module-start', { module, level }));

    const decisions = decisionSteps(module);
    const none = decisions.map(() => -1);
    for (const [step, s] of module.scenario.steps.entries()) {
      const progress = { step, answered: false, flags: 0, choices: none };
      await check(`step ${s.id}`, await mount('sg-scenario', { module, progress, hasQuiz: true }));
      if (s.type !== 'decision') continue;
      const k = decisions.indexOf(step);
      for (const [option] of s.options.entries()) {
        const choices = none.map((c, i) => (i === k ? option : c));
        const answered = { step, answered: true, flags: 0, choices };
        await check(
          `step ${s.id}, option ${option + 1}`,
          await mount('sg-scenario', { module, progress: answered }),
        );
      }
    }

    for (const question of module.questions) {
      const props = { question, seed: 1, number: 1, total: 1 };
      await check(`question ${question.id}`, await mount('sg-question', props));
      const answered = { ...props, answer: someAnswer(question), answered: true };
      await check(`question ${question.id}, answered`, await mount('sg-question', answered));
    }

    const reflection = {
      module,
      courseId: course.id,
      courseTitle: course.title,
      levelId: level.id,
      levelTitle: level.title,
    };
    await check('reflection', await mount('sg-reflection', reflection));

    const options = module.scenario.steps.reduce(
      (n, s) => n + (s.type === 'decision' ? s.options.length : 0),
      0,
    );
    expect(pages).toHaveLength(
      2 + module.scenario.steps.length + options + 2 * module.questions.length,
    );
    expect(pages.filter(([, problems]) => problems.length > 0)).toEqual([]);
  });
});
