import { describe, expect, it } from 'vitest';
import type { CmiWrite } from '../../../scorm/adapter/data-model.ts';
import { WriteQueue } from '../../../scorm/adapter/write-queue.ts';

const w = (element: string, value = 'v'): CmiWrite => ({ element, value });
const essential = (element: string) => !element.startsWith('cmi.interactions');
const refuseAll = () => false;
const takeAll = () => true;

describe('the write queue', () => {
  it('hands planned writes back in order, and is empty after the last', () => {
    const queue = new WriteQueue(essential);
    queue.plan([w('a'), w('b')]);
    queue.plan([w('c')]);
    const sent: string[] = [];
    while (queue.hasPlanned) sent.push(queue.takePlanned()!.element);
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(queue.takePlanned()).toBeUndefined();
    expect(queue.waiting()).toEqual([]);
  });

  it('keeps one refused write per element, the newest value, at the end', () => {
    const queue = new WriteQueue(essential);
    queue.send(w('a', '1'), refuseAll);
    queue.send(w('b', '1'), refuseAll);
    queue.send(w('a', '2'), refuseAll);
    expect(queue.waiting()).toEqual([w('b', '1'), w('a', '2')]);
    // A newer value the LMS takes: the older refused one is not sent again.
    queue.send(w('b', '2'), takeAll);
    expect(queue.waiting()).toEqual([w('a', '2')]);
    expect(queue.isRefused('a')).toBe(true);
    expect(queue.isRefused('b')).toBe(false);
  });

  it('counts only essential refusals, however they come and go', () => {
    const queue = new WriteQueue(essential);
    queue.send(w('cmi.interactions.0.id'), refuseAll);
    expect(queue.hasEssentialRefused).toBe(false);
    queue.send(w('cmi.suspend_data'), refuseAll);
    queue.send(w('cmi.suspend_data', 'newer'), refuseAll);
    expect(queue.hasEssentialRefused).toBe(true);
    queue.accepted('cmi.suspend_data');
    expect(queue.hasEssentialRefused).toBe(false);
    queue.send(w('cmi.location'), refuseAll);
    queue.dropRefused((element) => element === 'cmi.location');
    expect(queue.hasEssentialRefused).toBe(false);
    expect(queue.waiting()).toEqual([w('cmi.interactions.0.id')]);
  });

  it('past its bound drops the oldest refused write (and its count)', () => {
    const queue = new WriteQueue(essential, 3);
    for (const element of ['a', 'b', 'c', 'd']) queue.send(w(element), refuseAll);
    expect(queue.waiting().map((x) => x.element)).toEqual(['b', 'c', 'd']);
    for (const element of ['b', 'c', 'd']) queue.accepted(element);
    expect(queue.hasEssentialRefused).toBe(false);
  });

  it('before a Commit, retries oldest first and stops at the first the LMS still refuses', () => {
    const queue = new WriteQueue(essential);
    for (const element of ['a', 'b', 'c']) queue.send(w(element), refuseAll);
    const tried: string[] = [];
    queue.retry((x) => (tried.push(x.element), x.element !== 'b'), 'until-refused');
    expect(tried).toEqual(['a', 'b']);
    // The refused one keeps its place (an interaction's id goes before its type).
    expect(queue.waiting().map((x) => x.element)).toEqual(['b', 'c']);
  });

  it('at the end, retries every refused write', () => {
    const queue = new WriteQueue(essential);
    for (const element of ['a', 'b', 'c']) queue.send(w(element), refuseAll);
    const tried: string[] = [];
    queue.retry((x) => (tried.push(x.element), x.element !== 'b'), 'all');
    expect(tried).toEqual(['a', 'b', 'c']);
    expect(queue.waiting().map((x) => x.element)).toEqual(['b']);
  });

  it('a retry skips what the LMS turned out not to implement meanwhile', () => {
    const queue = new WriteQueue(essential);
    queue.send(w('cmi.interactions.0.id'), refuseAll);
    queue.send(w('cmi.interactions.0.type'), refuseAll);
    queue.send(w('cmi.location'), refuseAll);
    const tried: string[] = [];
    queue.retry((x) => {
      tried.push(x.element);
      queue.dropRefused((element) => element.startsWith('cmi.interactions'));
      return true;
    }, 'all');
    expect(tried).toEqual(['cmi.interactions.0.id', 'cmi.location']);
    expect(queue.waiting()).toEqual([]);
  });

  it('a long outage stays linear: LMS calls per write do not grow with the outage', () => {
    // Each learner event: a few new writes, all refused; then the retry before its Commit. Over
    // 20,000 events (far more than a level), count the calls the queue makes through `send`.
    const queue = new WriteQueue(essential);
    let calls = 0;
    const refusing = () => (calls++, false);
    const perEvent: number[] = [];
    for (let event = 0; event < 20_000; event++) {
      const before = calls;
      // New elements each time (interactions), and the same ones (the state) again and again.
      queue.send(w(`cmi.interactions.${event}.id`), refusing);
      queue.send(w('cmi.suspend_data', String(event)), refusing);
      queue.retry(refusing, 'until-refused');
      perEvent.push(calls - before);
    }
    expect(Math.max(...perEvent)).toBe(3);
    expect(calls).toBe(3 * 20_000);
    // Once the LMS answers again, one retry sends every write still kept, once each.
    calls = 0;
    queue.retry(() => (calls++, true), 'until-refused');
    expect(calls).toBe(20_000);
    expect(queue.waiting()).toEqual([]);
  });
});
