/** Which printable page: the record of learning for the level, or its completion certificate. */
export type PrintoutKind = 'record' | 'certificate';

/** The learner asked for their record of learning or their certificate (module list, results). */
export class SgOpenRecordEvent extends Event {
  static readonly eventName = 'sg-open-record';
  readonly detail: { readonly kind: PrintoutKind };

  constructor(detail: { readonly kind: PrintoutKind }) {
    super(SgOpenRecordEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The learner left the record or certificate, back to where they opened it. */
export class SgCloseRecordEvent extends Event {
  static readonly eventName = 'sg-close-record';

  constructor() {
    super(SgCloseRecordEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-open-record': SgOpenRecordEvent;
    'sg-close-record': SgCloseRecordEvent;
  }
}
