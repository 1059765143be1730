// @atlas/db/testing reads a value its global setup provides; the type of that value is declared
// next to the setup, so bring the declaration into this program.
import type {} from '@atlas/db/testing/global-setup';
