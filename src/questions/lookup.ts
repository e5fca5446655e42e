import { QUESTION_KINDS, type AnyKind } from './index.ts';

/**
 * Finding a question's kind. Everything outside src/questions/ reaches a type's parts through
 * `kindOf`, so none of it names a type.
 */

const byType: ReadonlyMap<string, AnyKind> = new Map(
  QUESTION_KINDS.map((kind): [string, AnyKind] => [kind.type, kind]),
);

/** The registered question types, in registry order. */
export const questionTypes = (): string[] => [...byType.keys()];

/** The kind of a question or answer; throws for a type no module registers. */
export function kindOf(of: { readonly type: string }): AnyKind {
  const kind = byType.get(of.type);
  if (!kind)
    throw new Error(
      `No question type "${of.type}" is registered (src/questions/index.ts lists: ${questionTypes().join(', ')}).`,
    );
  return kind;
}

/** Every registered kind, in registry order. */
export const allKinds = (): readonly AnyKind[] => [...byType.values()];
