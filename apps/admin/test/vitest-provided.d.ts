// Brings in @atlas/db's `ProvidedContext` declaration (the templates handed over by its global
// setup), which `openTestDatabase` relies on when type-checked from this package.
import type {} from '@atlas/db/testing/global-setup';
