// How programs plug into the record machinery: columns, child rows (funding, indicators) and
// country scope (the program's countries, before and after the change).
import type { Database } from '@atlas/db';
import { validateProgramInput, type ProgramInput } from '@atlas/domain';
import type { Kysely } from 'kysely';
import { createRecordStore } from '../../registry';
import { findProgram, programColumns, replaceChildRows } from './repository';
import type { ProgramRecord } from './schemas';

export function createProgramStore(db: Kysely<Database>) {
  return createRecordStore<ProgramInput, ProgramRecord>(db, {
    table: 'programs',
    entityType: 'program',
    noun: 'program',
    find: findProgram,
    validate: validateProgramInput, // schema + checkProgramRules (also on merged patches)
    values: programColumns,
    writeChildren: replaceChildRows,
    countriesOf: (_db, program) => Promise.resolve(program.countries),
    derivedFields: ['totals'],
  });
}
