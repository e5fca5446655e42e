/** The learner asked for another quiz attempt. */
export class SgRetryQuizEvent extends Event {
  static readonly eventName = 'sg-retry-quiz';

  constructor() {
    super(SgRetryQuizEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-retry-quiz': SgRetryQuizEvent;
  }
}
