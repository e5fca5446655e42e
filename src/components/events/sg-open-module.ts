/** The learner opened a module from the module list (`module`: its index in level order). */
export class SgOpenModuleEvent extends Event {
  static readonly eventName = 'sg-open-module';
  readonly detail: { readonly module: number };

  constructor(detail: { readonly module: number }) {
    super(SgOpenModuleEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-open-module': SgOpenModuleEvent;
  }
}
