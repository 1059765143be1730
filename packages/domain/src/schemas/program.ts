import Type, { type Static } from 'typebox';
import { Agency, CountryCode, FundingAccount, FundingStage, Goal } from '../codes';
import { ProgramLine, ProgramStatus } from '../codes';
import { AmountUsd, IsoDate, Nullable, RecordMeta, SourceText, Text, Uuid } from './common';

/** One amount of one fiscal year, account and stage; at most one row per such triple. */
export const FundingRow = Type.Object(
  {
    fiscalYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    account: FundingAccount,
    stage: FundingStage,
    amountUsd: AmountUsd,
  },
  { additionalProperties: false, title: 'FundingRow' },
);
export type FundingRow = Static<typeof FundingRow>;

const NonNegative = Type.Number({ minimum: 0 });

export const Indicator = Type.Object(
  {
    code: Text(32),
    name: Text(200),
    unit: Text(50),
    baseline: NonNegative,
    target: NonNegative,
    actual: Nullable(NonNegative),
  },
  { additionalProperties: false, title: 'Indicator' },
);
export type Indicator = Static<typeof Indicator>;

/** Program codes such as `GT-ENF-001`: upper-case letters and digits in dash-separated parts. */
export const ProgramCode = Type.String({
  pattern: '^[A-Z0-9]+(-[A-Z0-9]+)*$',
  maxLength: 40,
  title: 'ProgramCode',
  examples: ['GT-ENF-001'],
});

const programFields = {
  code: ProgramCode,
  title: Text(300),
  titleEs: Text(300),
  summary: Text(4000),
  summaryEs: Text(4000),
  line: ProgramLine,
  goals: Type.Array(Goal, { minItems: 1, uniqueItems: true }),
  countries: Type.Array(CountryCode, { minItems: 1, uniqueItems: true }),
  agency: Agency,
  partners: Type.Array(Text(200), { maxItems: 50 }),
  status: ProgramStatus,
  startDate: IsoDate,
  endDate: Nullable(IsoDate),
  funding: Type.Array(FundingRow, { maxItems: 1000 }),
  indicators: Type.Array(Indicator, { maxItems: 100 }),
  source: Nullable(SourceText),
  illustrative: Type.Boolean(),
};

export const Program = Type.Object(
  { id: Uuid, ...programFields, ...RecordMeta },
  { additionalProperties: false, $id: 'Program' },
);
export type Program = Static<typeof Program>;

/**
 * What a client sends to create a program. `endDate` and `source` default to null,
 * `illustrative` to false; `id` may be given (e.g. by the seed) or is generated.
 */
export const ProgramInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    ...programFields,
    endDate: Type.Optional(programFields.endDate),
    source: Type.Optional(programFields.source),
    illustrative: Type.Optional(programFields.illustrative),
  },
  { additionalProperties: false, $id: 'ProgramInput' },
);
export type ProgramInput = Static<typeof ProgramInput>;

export const ProgramPatch = Type.Partial(Type.Omit(ProgramInput, ['id']), {
  additionalProperties: false,
  $id: 'ProgramPatch',
});
export type ProgramPatch = Static<typeof ProgramPatch>;
