// The static list of migrations (no folder scan, so it works from source and in bundles).
// Names sort by date; append new files here and never edit a released one.
import type { Migration } from 'kysely/migration';
import * as m001 from './2026-11-29-001-extensions';
import * as m002 from './2026-11-29-002-reference';
import * as m003 from './2026-11-29-003-registry';
import * as m004 from './2026-11-29-004-context';
import * as m005 from './2026-11-29-005-auth';
import * as m006 from './2026-11-29-006-audit';
import * as m007 from './2026-11-29-007-data-versions';
import * as m008 from './2026-11-29-008-import';

export const migrations: Record<string, Migration> = {
  '2026-11-29-001-extensions': m001,
  '2026-11-29-002-reference': m002,
  '2026-11-29-003-registry': m003,
  '2026-11-29-004-context': m004,
  '2026-11-29-005-auth': m005,
  '2026-11-29-006-audit': m006,
  '2026-11-29-007-data-versions': m007,
  '2026-11-29-008-import': m008,
};
