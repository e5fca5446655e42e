/** The learner went back to the module list (progress is kept). */
export class SgLeaveModuleEvent extends Event {
  static readonly eventName = 'sg-leave-module';

  constructor() {
    super(SgLeaveModuleEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-leave-module': SgLeaveModuleEvent;
  }
}
