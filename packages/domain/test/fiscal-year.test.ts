import { describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearRange, fiscalYearsBetween, isIsoDate } from '../src';

describe('fiscalYearOf', () => {
  it('switches year on 1 October', () => {
    expect(fiscalYearOf('2010-09-30')).toBe(2010);
    expect(fiscalYearOf('2010-10-01')).toBe(2011);
    expect(fiscalYearOf('2011-01-01')).toBe(2011);
    expect(fiscalYearOf('2011-12-31')).toBe(2012);
  });

  it('handles leap days', () => {
    expect(fiscalYearOf('2012-02-29')).toBe(2012);
    expect(() => fiscalYearOf('2011-02-29')).toThrow(RangeError);
  });

  it('works in UTC for Dates and date-times', () => {
    expect(fiscalYearOf(new Date(Date.UTC(2010, 8, 30, 23, 59, 59)))).toBe(2010);
    expect(fiscalYearOf(new Date(Date.UTC(2010, 9, 1, 0, 0, 0)))).toBe(2011);
    expect(fiscalYearOf('2010-09-30T23:00:00-05:00')).toBe(2011);
  });

  it('rejects invalid input', () => {
    for (const bad of ['', 'yesterday', '2010-13-01', '2011-02-30', '2010/10/01', '10/01/2010']) {
      expect(() => fiscalYearOf(bad)).toThrow(RangeError);
    }
    expect(() => fiscalYearOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('fiscalYearRange', () => {
  it('runs from 1 October to 30 September', () => {
    expect(fiscalYearRange(2011)).toEqual({ start: '2010-10-01', end: '2011-09-30' });
  });

  it('round-trips with fiscalYearOf', () => {
    const { start, end } = fiscalYearRange(2024);
    expect(fiscalYearOf(start)).toBe(2024);
    expect(fiscalYearOf(end)).toBe(2024);
  });

  it('rejects non-integer years', () => {
    expect(() => fiscalYearRange(2011.5)).toThrow(RangeError);
    expect(() => fiscalYearRange(Number.NaN)).toThrow(RangeError);
    expect(() => fiscalYearRange(0)).toThrow(RangeError);
  });
});

describe('fiscalYearsBetween', () => {
  it('lists every fiscal year touched', () => {
    expect(fiscalYearsBetween('2010-09-30', '2010-10-01')).toEqual([2010, 2011]);
    expect(fiscalYearsBetween('2008-10-01', '2011-09-30')).toEqual([2009, 2010, 2011]);
    expect(fiscalYearsBetween('2011-03-01', '2011-03-01')).toEqual([2011]);
  });

  it('rejects a reversed period', () => {
    expect(() => fiscalYearsBetween('2012-01-01', '2011-01-01')).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2011-02-30')).toBe(false);
    expect(isIsoDate('2011-2-3')).toBe(false);
  });
});
