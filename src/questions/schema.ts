import baseSchema from '../../course/schema/module.schema.json' with { type: 'json' };
import type { AnyKind } from './index.ts';
import { allKinds } from './lookup.ts';

/**
 * The module file's JSON Schema, with its question part composed from the registered kinds: the
 * fields every question has, plus each kind's own (`schema`). Content validation uses this, so a
 * new type is valid as soon as it is registered. course/schema/module.schema.json is the same
 * schema written out for editors (their YAML files name it); a test checks the two agree, and
 * `npx tsx scripts/write-module-schema.ts` writes it again after a type changes.
 */

/** What every question has, whatever its type. */
const commonProperties = (type: string) => ({
  id: { $ref: '#/definitions/id' },
  type: { const: type },
  prompt: { $ref: '#/definitions/text' },
  'key-message': { $ref: '#/definitions/text' },
  levels: { type: 'array', items: { $ref: '#/definitions/id' } },
  outcomes: { type: 'array', items: { $ref: '#/definitions/id' } },
  feedback: { $ref: '#/definitions/feedback' },
});

/** One branch of the question's `oneOf`: a question of this kind. */
export function questionBranch(kind: AnyKind) {
  return {
    title: kind.schema.title,
    additionalProperties: false,
    required: ['id', 'type', 'prompt', 'key-message', ...kind.schema.required],
    properties: { ...commonProperties(kind.type), ...kind.schema.properties },
  };
}

/** The module schema with one question branch per kind, in registry order. */
export function moduleSchema(kinds: readonly AnyKind[] = allKinds()) {
  const { definitions } = baseSchema;
  return {
    ...baseSchema,
    definitions: {
      ...definitions,
      question: { ...definitions.question, oneOf: kinds.map(questionBranch) },
    },
  };
}
