/**
 * The learner asked to read a module's scenario again as they played it (from the module list, or
 * from the quiz results: `module` null there, meaning the module open now).
 */
export class SgReviewScenarioEvent extends Event {
  static readonly eventName = 'sg-review-scenario';
  readonly detail: { readonly module: number | null };

  constructor(detail: { readonly module: number | null }) {
    super(SgReviewScenarioEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The learner left the scenario they were reading again, back to where they opened it. */
export class SgCloseReviewEvent extends Event {
  static readonly eventName = 'sg-close-review';

  constructor() {
    super(SgCloseReviewEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-review-scenario': SgReviewScenarioEvent;
    'sg-close-review': SgCloseReviewEvent;
  }
}
