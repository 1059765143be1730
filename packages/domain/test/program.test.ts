import { describe, expect, it } from 'vitest';
import {
  checkProgramRules,
  Program,
  ProgramInput,
  ProgramPatch,
  validate,
  validateProgramInput,
  validateProgramPatch,
} from '../src';
import example from './fixtures/program.json';

const record = {
  ...example,
  version: 1,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-02T00:00:00Z',
  deletedAt: null,
};

function withChanges(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...example, ...changes };
}

function withRow(index: number, changes: Record<string, unknown>): Record<string, unknown> {
  const funding = example.funding.map((row, i) => (i === index ? { ...row, ...changes } : row));
  return withChanges({ funding });
}

function errorsOf(value: unknown) {
  const result = validateProgramInput(value);
  return result.ok ? [] : result.errors;
}

describe('ProgramInput', () => {
  it('accepts a valid example', () => {
    expect(validateProgramInput(example)).toEqual({ ok: true, value: example });
  });

  it('accepts the example without its optional fields', () => {
    const { id: _id, endDate: _end, source: _source, illustrative: _ill, ...minimal } = example;
    expect(validate(ProgramInput, minimal).ok).toBe(true);
  });

  it('rejects negative and fractional money', () => {
    expect(errorsOf(withRow(0, { amountUsd: -1 }))).toEqual([
      { path: '/funding/0/amountUsd', message: expect.any(String) as unknown },
    ]);
    expect(errorsOf(withRow(1, { amountUsd: 10.5 }))[0]?.path).toBe('/funding/1/amountUsd');
    expect(errorsOf(withRow(1, { amountUsd: 2 ** 53 }))[0]?.path).toBe('/funding/1/amountUsd');
  });

  it('rejects an unknown account and out-of-range fiscal year', () => {
    expect(errorsOf(withRow(0, { account: 'PKO' }))).toEqual([
      {
        path: '/funding/0/account',
        message: 'must be one of "INCLE", "ESF", "NADR", "FMF"',
      },
    ]);
    expect(errorsOf(withRow(0, { fiscalYear: 1999 }))[0]?.path).toBe('/funding/0/fiscalYear');
    expect(errorsOf(withRow(0, { fiscalYear: 2011.5 }))[0]?.path).toBe('/funding/0/fiscalYear');
  });

  it('rejects impossible dates', () => {
    expect(errorsOf(withChanges({ startDate: '2011-02-30' }))).toEqual([
      { path: '/startDate', message: expect.any(String) as unknown },
    ]);
    expect(errorsOf(withChanges({ endDate: '2011-13-01' }))[0]?.path).toBe('/endDate');
    expect(errorsOf(withChanges({ endDate: null }))).toEqual([]);
  });

  it('rejects reversed dates through the rules', () => {
    const reversed = withChanges({ startDate: '2012-01-01', endDate: '2011-12-31' });
    expect(validate(ProgramInput, reversed).ok).toBe(true);
    expect(errorsOf(reversed)).toEqual([
      { path: '/endDate', message: 'endDate must not be before startDate' },
    ]);
  });

  it('rejects duplicate funding rows', () => {
    const duplicated = withChanges({ funding: [...example.funding, example.funding[0]] });
    expect(errorsOf(duplicated)).toEqual([
      {
        path: '/funding/4',
        message: 'duplicate funding row for FY2011 INCLE committed',
      },
    ]);
  });

  it('rejects disbursed above obligated above committed', () => {
    expect(errorsOf(withRow(2, { amountUsd: 2000001 }))).toEqual([
      { path: '/funding/2/amountUsd', message: 'FY2011 INCLE: disbursed exceeds obligated' },
    ]);
    expect(errorsOf(withRow(1, { amountUsd: 2600000 }))).toEqual([
      { path: '/funding/1/amountUsd', message: 'FY2011 INCLE: obligated exceeds committed' },
    ]);
  });

  it('rejects unknown properties', () => {
    expect(errorsOf(withChanges({ totalUsd: 5 }))).toEqual([
      { path: '/totalUsd', message: 'unknown property' },
    ]);
    expect(errorsOf(withRow(0, { note: 'x' }))).toEqual([
      { path: '/funding/0/note', message: 'unknown property' },
    ]);
  });

  it('rejects empty or duplicate goals and countries', () => {
    expect(errorsOf(withChanges({ goals: [] }))[0]?.path).toBe('/goals');
    expect(errorsOf(withChanges({ goals: [6] }))[0]?.path).toBe('/goals/0');
    expect(errorsOf(withChanges({ countries: [] }))[0]?.path).toBe('/countries');
    expect(validateProgramInput(withChanges({ countries: ['GT', 'GT'] })).ok).toBe(false);
    expect(checkProgramRules({ countries: ['GT', 'GT'], goals: [1, 1] })).toEqual([
      { path: '/goals/1', message: 'duplicate goal 1' },
      { path: '/countries/1', message: 'duplicate country GT' },
    ]);
  });

  it('rejects blank and padded text, bad codes and negative indicators', () => {
    expect(errorsOf(withChanges({ title: '' }))[0]?.path).toBe('/title');
    expect(errorsOf(withChanges({ title: ' Padded' }))).toEqual([
      { path: '/title', message: 'must not start or end with whitespace' },
    ]);
    expect(errorsOf(withChanges({ title: 'x'.repeat(301) }))[0]?.path).toBe('/title');
    expect(errorsOf(withChanges({ code: 'gt-enf-001' }))[0]?.path).toBe('/code');
    const indicators = [{ ...example.indicators[0], baseline: -1 }];
    expect(errorsOf(withChanges({ indicators }))[0]?.path).toBe('/indicators/0/baseline');
  });

  it('reports missing required fields', () => {
    const { title: _title, ...withoutTitle } = example;
    expect(errorsOf(withoutTitle)).toEqual([{ path: '/title', message: 'is required' }]);
  });
});

describe('Program and ProgramPatch', () => {
  it('accepts a full record and requires its metadata', () => {
    expect(validate(Program, record).ok).toBe(true);
    const { version: _version, ...withoutVersion } = record;
    expect(validate(Program, withoutVersion).ok).toBe(false);
    expect(validate(ProgramInput, record).ok).toBe(false);
  });

  it('accepts partial patches without id or metadata', () => {
    expect(validateProgramPatch({}).ok).toBe(true);
    expect(validateProgramPatch({ status: 'completed', endDate: '2014-09-30' }).ok).toBe(true);
    expect(validateProgramPatch({ id: example.id }).ok).toBe(false);
    expect(validateProgramPatch({ version: 2 }).ok).toBe(false);
    expect(validate(ProgramPatch, { status: 'paused' }).ok).toBe(false);
    expect(validateProgramPatch({ title: ' padded' })).toEqual({
      ok: false,
      errors: [{ path: '/title', message: 'must not start or end with whitespace' }],
    });
  });
});
