import Type, { type TSchema } from 'typebox';
import { isIsoDate } from '../dates';

/** Building blocks shared by the entity schemas. */

export const Uuid = Type.String({ format: 'uuid', title: 'Uuid' });

/** A real calendar date `YYYY-MM-DD` (the `date` format checks month lengths and leap years). */
export const IsoDate = Type.Refine(
  Type.String({ format: 'date', title: 'IsoDate', examples: ['2011-10-01'] }),
  isIsoDate,
  () => 'must be a calendar date YYYY-MM-DD',
);

/** An ISO 8601 timestamp with zone, as sent by the API. */
export const Timestamp = Type.String({ format: 'date-time', title: 'Timestamp' });

/** A required text: not empty, no leading or trailing whitespace, at most `maxLength` chars. */
export function Text(maxLength: number) {
  return Type.Refine(
    Type.String({ minLength: 1, maxLength }),
    (text) => text.trim() === text,
    () => 'must not start or end with whitespace',
  );
}

export function Nullable<Schema extends TSchema>(schema: Schema) {
  return Type.Union([schema, Type.Null()]);
}

/** A non-negative whole number of US dollars, exact in a JS number. */
export const AmountUsd = Type.Integer({
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
  title: 'AmountUsd',
});

/** Every editable record carries these (the API fills them; clients never send them). */
export const RecordMeta = {
  version: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Nullable(Timestamp),
};

/** Source citation text (a URL or a reference). */
export const SourceText = Text(1000);
export const Description = Text(4000);
