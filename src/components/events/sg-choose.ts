/** The learner confirmed a choice at a scenario decision (`option`: index in authored order). */
export class SgChooseEvent extends Event {
  static readonly eventName = 'sg-choose';
  readonly detail: { readonly option: number };

  constructor(detail: { readonly option: number }) {
    super(SgChooseEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-choose': SgChooseEvent;
  }
}
