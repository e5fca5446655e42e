import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../../src/compiler/markdown.ts';
import type { Question } from '../../src/model/course.ts';
import type { InteractionResponse } from '../../src/engine/index.ts';
import { QUESTION_KINDS, type AnyKind } from '../../src/questions/index.ts';
import { optionId } from '../../src/questions/kind.ts';
import { allKinds, kindOf } from '../../src/questions/lookup.ts';
import { moduleSchema } from '../../src/questions/schema.ts';

/**
 * The contract every question type's module keeps (src/questions/kind.ts), checked for each
 * registered kind from its own `example`: a new type is tested here by being registered.
 */

/** The kind's example as a whole authored question (the fields every question has, added). */
const rawExample = (kind: AnyKind) => ({
  id: `example-${kind.type}`,
  type: kind.type,
  prompt: 'An example prompt',
  'key-message': 'An example key message.',
  feedback: { correct: 'Right.', incorrect: 'Not quite.' },
  ...kind.example,
});

/** The example compiled as the compiler does (link.ts): base fields, then the kind's own. */
function compiled(kind: AnyKind): Question {
  const raw = rawExample(kind);
  return {
    id: raw.id,
    prompt: renderMarkdown(raw.prompt),
    keyMessage: renderMarkdown(raw['key-message']),
    levels: ['foundation'],
    outcomes: [],
    feedback: { correct: renderMarkdown('Right.'), incorrect: renderMarkdown('Not quite.') },
    ...kind.link(raw, { markdown: renderMarkdown, inline: renderInlineMarkdown }),
    type: kind.type,
  } as unknown as Question;
}

describe('the question-type registry', () => {
  it('lists each type once, and finds each by its type', () => {
    const types = QUESTION_KINDS.map((k) => k.type);
    expect(new Set(types).size).toBe(types.length);
    for (const kind of allKinds()) expect(kindOf({ type: kind.type })).toBe(kind);
    expect(() => kindOf({ type: 'essay' })).toThrow(/No question type "essay" is registered/);
  });

  it('course/schema/module.schema.json is the schema composed from the kinds (else: npx tsx scripts/write-module-schema.ts)', () => {
    const committed: unknown = JSON.parse(readFileSync('course/schema/module.schema.json', 'utf8'));
    expect(committed).toEqual(moduleSchema());
    const titles = moduleSchema().definitions.question.oneOf.map((b) => b.title);
    expect(titles).toEqual(allKinds().map((k) => k.schema.title));
  });
  it('loads neither Lit nor the Markdown renderer (the engine and compiler call it): type imports only', () => {
    const sources = readdirSync('src/questions').map((name) => [
      name,
      readFileSync(`src/questions/${name}`, 'utf8'),
    ]);
    const runtimeImports = sources.flatMap(([name, text]) =>
      [...text!.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => `${name}: ${m[1]}`),
    );
    expect(runtimeImports.filter((i) => /: (lit|.*markdown|.*components\/)/.test(i))).toEqual([]);
    expect(runtimeImports.length).toBeGreaterThan(0);
  });
});

describe.each(allKinds().map((kind) => [kind.type, kind] as const))(
  'question type %s',
  (_, kind) => {
    const question = compiled(kind);
    const { right, wrong } = kind.samples(question);

    it('its example passes the schema and its own checks', () => {
      const schema = moduleSchema();
      const ajv = new Ajv({ discriminator: true, strict: false });
      const validate = ajv.compile({
        definitions: schema.definitions,
        $ref: '#/definitions/question',
      });
      expect(validate(rawExample(kind)), JSON.stringify(validate.errors)).toBe(true);
      const problems: string[] = [];
      kind.check(rawExample(kind), {
        report: (path, message) => problems.push(`${path.join('.')}: ${message}`),
        hasOverallFeedback: true,
      });
      expect(problems).toEqual([]);
    });

    it('its right sample is right, its wrong sample wrong, and both fit', () => {
      expect(right.type).toBe(kind.type);
      expect(kind.fits(question, right)).toBe(true);
      expect(kind.fits(question, wrong)).toBe(true);
      expect(kind.isCorrect(question, right)).toBe(true);
      expect(kind.isCorrect(question, wrong)).toBe(false);
    });

    it('saves answers in [0-9a-z] and reads them back; the widest is the longest', () => {
      const widest = kind.widest(question);
      const n = kind.optionCount(question);
      for (const answer of [right, wrong, widest]) {
        const text = kind.encode(answer);
        expect(text).toMatch(/^[0-9a-z]+$/);
        expect(kind.decode(question, text, n)).toEqual(answer);
        expect(text.length).toBeLessThanOrEqual(kind.encode(widest).length);
      }
      expect(kind.fits(question, widest)).toBe(true);
    });

    it('shows every option once, the same for the same learner', () => {
      const order = kind.presentedOrder(question, 42, 1, 'module');
      expect([...order].sort((a, b) => a - b)).toEqual([
        ...Array(kind.optionCount(question)).keys(),
      ]);
      expect(kind.presentedOrder(question, 42, 1, 'module')).toEqual(order);
    });

    it('records an interaction whose responses are of its type, ids from optionId', () => {
      const interaction = kind.interaction(question, right);
      expect(interaction.response.type).toBe(interaction.type);
      expect(interaction.correctResponse.type).toBe(interaction.type);
      const ids = JSON.stringify(interaction.correctResponse);
      if (interaction.type !== 'true-false') expect(ids).toContain(`"${optionId(0)}"`);
    });

    it('names, for the LMS report key, every id its recorded responses use', () => {
      const named = new Set(kind.recordedIds(question).map((r) => r.id));
      const used = (response: InteractionResponse): string[] =>
        response.type === 'true-false'
          ? []
          : response.type === 'matching'
            ? response.pairs.flat()
            : [...response.ids];
      for (const answer of [right, wrong]) {
        const interaction = kind.interaction(question, answer);
        for (const id of [...used(interaction.response), ...used(interaction.correctResponse)])
          expect(named, id).toContain(id);
      }
      for (const r of kind.recordedIds(question)) expect(r.text.trim()).not.toBe('');
    });

    it('its view builds the answer a draft started from, and prints its answer', () => {
      const shown = kind.presentedOrder(question, 42, 1, 'module');
      expect(kind.view.build(question, kind.view.draft(question, right, shown), shown)).toEqual(
        right,
      );
      expect(kind.view.hint).not.toBe('');
      expect(kind.printAnswer(question)).toMatch(/^<.+>$/s);
    });
  },
);
