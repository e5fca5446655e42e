import type { QuestionBase, RichText } from '../model/course.ts';
import {
  b36,
  firstDuplicate,
  indexes,
  isPermutation,
  normalise,
  optionId,
  parseB36,
  requireOverallFeedback,
  type QuestionKind,
} from './kind.ts';
import { neverInOrder } from './order.ts';

/** Prompts each matched to one of the matches (each used once), with a native select per prompt. */
export interface MatchingQuestion extends QuestionBase {
  readonly type: 'matching';
  /** Each prompt with its correct match. */
  readonly pairs: readonly { readonly prompt: RichText; readonly match: RichText }[];
}

/** For prompt i, the index of the match the learner chose. */
export interface MatchingAnswer {
  readonly type: 'matching';
  readonly matches: readonly number[];
}

interface RawMatching {
  pairs: { prompt: string; match: string }[];
}

/** For each prompt, the match chosen, or -1. */
type MatchingDraft = readonly number[];

export const matching: QuestionKind<MatchingQuestion, MatchingAnswer, RawMatching, MatchingDraft> =
  {
    type: 'matching',
    schema: {
      title: 'Matching',
      required: ['pairs', 'feedback'],
      properties: {
        pairs: {
          type: 'array',
          maxItems: 8,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['prompt', 'match'],
            properties: {
              prompt: { $ref: '#/definitions/text' },
              match: { $ref: '#/definitions/text' },
            },
          },
        },
      },
    },
    example: {
      pairs: [
        { prompt: 'DSL', match: 'Leads on safeguarding in your setting' },
        { prompt: 'LADO', match: 'Handles concerns about adults who work with children' },
      ],
    },
    link: (raw, { inline }) => ({
      pairs: raw.pairs.map((p) => ({ prompt: inline(p.prompt), match: inline(p.match) })),
    }),
    check(raw, tools) {
      requireOverallFeedback(raw.id, tools);
      if (raw.pairs.length < 2)
        tools.report(
          ['pairs'],
          `matching question "${raw.id}" has ${raw.pairs.length} pair(s); it needs at least 2`,
          'add pairs to match',
        );
      const dupPrompt = firstDuplicate(raw.pairs.map((p) => normalise(p.prompt)));
      if (dupPrompt >= 0)
        tools.report(
          ['pairs', dupPrompt, 'prompt'],
          `matching question "${raw.id}" has the same prompt twice`,
          'make every prompt different',
        );
      const dupMatch = firstDuplicate(raw.pairs.map((p) => normalise(p.match)));
      if (dupMatch >= 0)
        tools.report(
          ['pairs', dupMatch, 'match'],
          `matching question "${raw.id}" has the same match for two prompts, so the answer is ambiguous`,
          'make every match different',
        );
    },

    optionCount: (q) => q.pairs.length,
    fits: (q, a) => isPermutation(a.matches, q.pairs.length),
    isCorrect: (_q, a) => a.matches.every((match, prompt) => match === prompt),
    presentedOrder: (q, seed, attempt) => neverInOrder(q.pairs.length, seed, q.id, attempt),
    /** One digit per prompt: `2013`. */
    encode: (a) => a.matches.map(b36).join(''),
    decode: (_q, text, n) => ({
      type: 'matching',
      matches: [...text].map((c) => parseB36(c, n - 1)),
    }),
    widest: (q) => ({ type: 'matching', matches: indexes(q.pairs.length) }),
    answerKey: () => '',

    // Prompts are `1`, `2`…; matches their option id.
    interaction: (q, a) => ({
      type: 'matching',
      response: {
        type: 'matching',
        pairs: a.matches.map((m, p) => [String(p + 1), optionId(m)] as const),
      },
      correctResponse: {
        type: 'matching',
        pairs: q.pairs.map((_, p) => [String(p + 1), optionId(p)] as const),
      },
    }),

    samples: (q) => ({
      right: { type: 'matching', matches: indexes(q.pairs.length) },
      wrong: { type: 'matching', matches: q.pairs.map((_, i) => (i + 1) % q.pairs.length) },
    }),
    // Prompts by number, matches by letter, each in the order written (pair n is right).
    recordedIds: (q) => [
      ...q.pairs.map((p, i) => ({ id: String(i + 1), text: p.prompt.text })),
      ...q.pairs.map((p, i) => ({ id: optionId(i), text: p.match.text })),
    ],
    printAnswer: (q) =>
      `<p class="answer">The right matches:</p><table><thead><tr><th scope="col">This</th><th scope="col">goes with</th></tr></thead><tbody>${q.pairs
        .map((p) => `<tr><td>${p.prompt.html}</td><td>${p.match.html}</td></tr>`)
        .join('')}</tbody></table>`,

    view: {
      hint: 'For each item, choose the match that fits best. Each match is used once.',
      draft: (q, answer) => answer?.matches ?? q.pairs.map(() => -1),
      controls({ lit: { html, unsafeHTML }, question: q, shown, draft, answered, setDraft }) {
        // Native selects cannot wrap long options, so the matches are also listed in full,
        // lettered, and each option starts with its letter.
        const letterOf = (m: number) => String.fromCharCode(65 + shown.indexOf(m));
        const setMatch = (prompt: number, value: string) =>
          setDraft(draft.map((m, i) => (i === prompt ? (value === '' ? -1 : Number(value)) : m)));
        return html`<h2 class="matches-heading" id="matches-heading">The matches</h2>
          <ol class="matches" type="A" aria-labelledby="matches-heading">
            ${shown.map((m) => html`<li>${unsafeHTML(q.pairs[m]?.match.html ?? '')}</li>`)}
          </ol>
          ${q.pairs.map(
            (pair, p) =>
              html`<div class="match-row">
                <label for="match-${p}">${unsafeHTML(pair.prompt.html)}</label>
                <select
                  id="match-${p}"
                  ?disabled=${answered}
                  @change=${(e: Event) => setMatch(p, (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${(draft[p] ?? -1) < 0}>Choose a match</option>
                  ${shown.map(
                    (m) =>
                      html`<option value=${m} ?selected=${draft[p] === m}>
                        ${letterOf(m)}. ${q.pairs[m]?.match.text}
                      </option>`,
                  )}
                </select>
              </div>`,
          )}`;
      },
      build(q, draft) {
        const missing = draft.findIndex((m) => m < 0);
        if (missing >= 0)
          return [
            {
              target: `match-${missing}`,
              message: `Choose a match for “${q.pairs[missing]?.prompt.text}”`,
            },
          ];
        const repeated = draft.findIndex((m, i) => draft.indexOf(m) !== i);
        if (repeated >= 0)
          return [
            {
              target: `match-${repeated}`,
              message: `Each match can be used once: “${q.pairs[draft[repeated] ?? 0]?.match.text}” is chosen more than once`,
            },
          ];
        return { type: 'matching', matches: draft };
      },
      feedback: ({ lit: { html, nothing, unsafeHTML }, question }, _answer, correct) => ({
        chosen: nothing,
        solution: correct
          ? nothing
          : html`<p>The matches that fit best:</p>
              <ul>
                ${question.pairs.map(
                  (pair) =>
                    html`<li>${unsafeHTML(pair.prompt.html)}: ${unsafeHTML(pair.match.html)}</li>`,
                )}
              </ul>`,
      }),
    },
  };
