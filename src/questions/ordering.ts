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

/** Items the learner puts in order with Move up and Move down buttons. */
export interface OrderingQuestion extends QuestionBase {
  readonly type: 'ordering';
  /** In the correct order. */
  readonly items: readonly RichText[];
}

/** Item indexes in the order the learner put them. */
export interface OrderingAnswer {
  readonly type: 'ordering';
  readonly order: readonly number[];
}

interface OrderingDraft {
  readonly order: readonly number[];
  /** Said in a live region after a move. */
  readonly message: string;
}

export const ordering: QuestionKind<
  OrderingQuestion,
  OrderingAnswer,
  { items: string[] },
  OrderingDraft
> = {
  type: 'ordering',
  schema: {
    title: 'Ordering',
    required: ['items', 'feedback'],
    properties: {
      items: {
        type: 'array',
        maxItems: 8,
        items: { $ref: '#/definitions/text' },
        description: 'The items in their correct order; learners see them shuffled.',
      },
    },
  },
  example: { items: ['Listen to the child', 'Tell the DSL', 'Write it down'] },
  link: (raw, { inline }) => ({ items: raw.items.map(inline) }),
  check(raw, tools) {
    requireOverallFeedback(raw.id, tools);
    if (raw.items.length < 2)
      tools.report(
        ['items'],
        `ordering question "${raw.id}" has ${raw.items.length} item(s); it needs at least 2`,
        'add the items to put in order',
      );
    const dup = firstDuplicate(raw.items.map(normalise));
    if (dup >= 0)
      tools.report(
        ['items', dup],
        `ordering question "${raw.id}" lists the same item twice, so the order is ambiguous`,
        'make every item different',
      );
  },

  optionCount: (q) => q.items.length,
  fits: (q, a) => isPermutation(a.order, q.items.length),
  isCorrect: (_q, a) => a.order.every((item, position) => item === position),
  presentedOrder: (q, seed, attempt) => neverInOrder(q.items.length, seed, q.id, attempt),
  /** One digit per position: `2013`. */
  encode: (a) => a.order.map(b36).join(''),
  decode: (_q, text, n) => ({ type: 'ordering', order: [...text].map((c) => parseB36(c, n - 1)) }),
  widest: (q) => ({ type: 'ordering', order: indexes(q.items.length) }),
  answerKey: () => '',

  interaction: (q, a) => ({
    type: 'sequencing',
    response: { type: 'sequencing', ids: a.order.map(optionId) },
    correctResponse: { type: 'sequencing', ids: q.items.map((_, i) => optionId(i)) },
  }),

  samples: (q) => ({
    right: { type: 'ordering', order: indexes(q.items.length) },
    wrong: { type: 'ordering', order: indexes(q.items.length).reverse() },
  }),
  // Items by their place as written, which is the right order.
  recordedIds: (q) => q.items.map((item, i) => ({ id: optionId(i), text: item.text })),
  printAnswer: (q) =>
    `<p class="answer">The right order:</p><ol>${q.items.map((i) => `<li>${i.html}</li>`).join('')}</ol>`,

  view: {
    hint: 'Put the items in order, first at the top, using the Move up and Move down buttons.',
    draft: (_q, answer, shown) => ({ order: answer?.order ?? shown, message: '' }),
    controls(view) {
      const { html, nothing, unsafeHTML } = view.lit;
      const { order, message } = view.draft;
      const move = (position: number, by: -1 | 1) => {
        const to = position + by;
        const item = order[position];
        if (item === undefined || to < 0 || to >= order.length) return;
        const next = [...order];
        next.splice(position, 1);
        next.splice(to, 0, item);
        const text = view.question.items[item]?.text;
        view.setDraft({
          order: next,
          message: `“${text}” moved to position ${to + 1} of ${next.length}.`,
        });
        // Focus stays with the item: on the same button, or the other one once at an edge.
        const edge = by < 0 ? to === 0 : to === next.length - 1;
        const direction = by < 0 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down';
        view.focusAfterRender(`[data-move="${direction}-${item}"]`);
      };
      return html`<ol class="ordering">
          ${order.map((item, position) => {
            const text = view.question.items[item];
            return html`<li>
              <span class="item">${text ? unsafeHTML(text.html) : ''}</span>
              <span class="moves">
                <button
                  type="button"
                  class="secondary"
                  id=${position === 0 ? 'order-first' : nothing}
                  data-move="up-${item}"
                  ?disabled=${view.answered || position === 0}
                  @click=${() => move(position, -1)}
                >
                  Move up<span class="visually-hidden">: ${text?.text}</span>
                </button>
                <button
                  type="button"
                  class="secondary"
                  data-move="down-${item}"
                  ?disabled=${view.answered || position === order.length - 1}
                  @click=${() => move(position, 1)}
                >
                  Move down<span class="visually-hidden">: ${text?.text}</span>
                </button>
              </span>
            </li>`;
          })}
        </ol>
        <p class="visually-hidden" role="status">${message}</p>`;
    },
    // Any order is an answer: the list starts full, so there is nothing to leave out.
    build: (_q, draft) => ({ type: 'ordering', order: draft.order }),
    feedback: ({ lit: { html, nothing, unsafeHTML }, question }, _answer, correct) => ({
      chosen: nothing,
      solution: correct
        ? nothing
        : html`<p>The order the review’s learning suggests:</p>
            <ol>
              ${question.items.map((item) => html`<li>${unsafeHTML(item.html)}</li>`)}
            </ol>`,
    }),
  },
};
