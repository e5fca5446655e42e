/** The learner asked to move on (next step, next question, results, reflection…). */
export class SgContinueEvent extends Event {
  static readonly eventName = 'sg-continue';

  constructor() {
    super(SgContinueEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-continue': SgContinueEvent;
  }
}
