import { describe, expect, it } from 'vitest';
import { findApi, MAX_PARENT_STEPS, type WindowLike } from '../../../scorm/adapter/discovery.ts';

const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

interface FakeWindow {
  parent?: FakeWindow | null;
  opener?: FakeWindow | null;
  [key: string]: unknown;
}

/** A window whose properties throw, like a cross-origin frame's. */
function crossOrigin(parent?: FakeWindow): FakeWindow {
  return new Proxy({} as FakeWindow, {
    get(_target, key) {
      if (key === 'parent') return parent;
      throw new DOMException('Blocked a frame with origin', 'SecurityError');
    },
  });
}

function chain(depth: number, top: FakeWindow): FakeWindow {
  let win = top;
  for (let i = 0; i < depth; i++) win = { parent: win };
  return win;
}

describe('findApi', () => {
  it('finds a 2004 API on its own window', () => {
    const win: FakeWindow = { API_1484_11: api2004 };
    win.parent = win;
    expect(findApi(win as WindowLike)).toEqual({ version: '2004', api: api2004 });
  });

  it('finds a 1.2 API several frames up', () => {
    const top: FakeWindow = { API: api12 };
    top.parent = top;
    expect(findApi(chain(10, top) as WindowLike)?.version).toBe('1.2');
  });

  it('prefers 2004 when both are offered, unless told otherwise', () => {
    const top: FakeWindow = { API: api12, API_1484_11: api2004 };
    expect(findApi(top as WindowLike)?.version).toBe('2004');
    expect(findApi(top as WindowLike, '1.2')?.version).toBe('1.2');
  });

  it('stops after 500 parent steps', () => {
    const top: FakeWindow = { API: api12 };
    expect(findApi(chain(MAX_PARENT_STEPS, top) as WindowLike)).toBeDefined();
    expect(findApi(chain(MAX_PARENT_STEPS + 5, top) as WindowLike)).toBeUndefined();
  });

  it('walks through a cross-origin frame without throwing', () => {
    const top: FakeWindow = { API_1484_11: api2004 };
    const middle = crossOrigin(top);
    expect(findApi({ parent: middle } as WindowLike)?.version).toBe('2004');
  });

  it('finds the API in the opener of the top window (a pop-up launch)', () => {
    const lms: FakeWindow = { API: api12 };
    const top: FakeWindow = { opener: lms };
    expect(findApi(chain(2, top) as WindowLike)?.api).toBe(api12);
  });

  it('ignores an API object that lacks the API’s functions', () => {
    expect(findApi({ API: { hello: 1 }, API_1484_11: 'yes' } as WindowLike)).toBeUndefined();
  });

  it('returns undefined on a plain page with no LMS', () => {
    const win: FakeWindow = {};
    win.parent = win;
    expect(findApi(win as WindowLike)).toBeUndefined();
  });
});
