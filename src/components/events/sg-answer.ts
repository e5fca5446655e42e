import type { Answer } from '../../engine/index.ts';

/** The learner submitted an answer to a quiz question (indexes in authored order). */
export class SgAnswerEvent extends Event {
  static readonly eventName = 'sg-answer';
  readonly detail: { readonly answer: Answer };

  constructor(detail: { readonly answer: Answer }) {
    super(SgAnswerEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-answer': SgAnswerEvent;
  }
}
