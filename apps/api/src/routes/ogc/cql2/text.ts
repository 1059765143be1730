// cql2-text -> the filter tree, with the parser peggy generates from ./cql2-text.peggy when this
// module loads (a few milliseconds; the grammar stays the one readable source).
import { readFileSync } from 'node:fs';
import peggy from 'peggy';
import { FilterError } from './errors';
import type { Condition } from './tree';

const grammar = readFileSync(new URL('./cql2-text.peggy', import.meta.url), 'utf8');
const parser = peggy.generate(grammar, { grammarSource: 'cql2-text' });

/** Longest filter text accepted (the whole URL is limited too; this keeps parsing cheap). */
export const MAX_FILTER_LENGTH = 20_000;

function isSyntaxError(error: unknown): error is peggy.parser.SyntaxError {
  return error instanceof parser.SyntaxError;
}

/** Parses a cql2-text filter; FilterError (400) says where and what was expected. */
export function parseCql2Text(text: string, parameter = 'filter'): Condition {
  if (text.length > MAX_FILTER_LENGTH) {
    throw new FilterError(`is longer than ${MAX_FILTER_LENGTH} characters`, parameter);
  }
  try {
    return parser.parse(text) as Condition;
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
    const { line, column, offset } = error.location.start;
    const where = line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
    throw new FilterError(
      `cql2-text syntax error at ${where} (character ${offset + 1}): ${error.message}`,
      parameter,
    );
  }
}
