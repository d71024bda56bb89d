import { expect } from '@open-wc/testing';
import { ManualClock, clock, parseInstant, useClock } from '../src/clock.js';
import '../../../scripts/testing/index.js';

describe('clock', () => {
  afterEach(() => useClock(undefined));

  it('is the system clock unless replaced', () => {
    const before = Date.now();
    const now = clock().now();
    expect(now).to.be.within(before, Date.now());
  });

  it('can be frozen for tests and demos', () => {
    useClock(new ManualClock('2026-10-25T01:30:00Z'));
    expect(new Date(clock().now()).toISOString()).to.equal('2026-10-25T01:30:00.000Z');
  });

  it('fires timers in order when advanced, and not before', () => {
    const manual = new ManualClock(0);
    const fired: string[] = [];
    manual.setTimeout(() => fired.push('b'), 200);
    manual.setTimeout(() => fired.push('a'), 100);
    const cancelled = manual.setTimeout(() => fired.push('x'), 150);
    manual.clearTimeout(cancelled);
    manual.advance(99);
    expect(fired).to.deep.equal([]);
    manual.advance(101);
    expect(fired).to.deep.equal(['a', 'b']);
    expect(manual.now()).to.equal(200);
  });

  it('fires timers that timers set, within the same advance', () => {
    const manual = new ManualClock(0);
    const fired: number[] = [];
    manual.setTimeout(() => manual.setTimeout(() => fired.push(manual.now()), 50), 50);
    manual.advance(100);
    expect(fired).to.deep.equal([100]);
  });

  it('refuses instants without an offset, which would differ per visitor', () => {
    expect(parseInstant('2026-03-29T02:30')).to.equal(undefined);
    expect(parseInstant('tomorrow')).to.equal(undefined);
    expect(parseInstant('2026-03-29T02:30:00+02:00')).to.equal(Date.parse('2026-03-29T00:30:00Z'));
    expect(() => new ManualClock('nonsense')).to.throw(RangeError);
  });
});
