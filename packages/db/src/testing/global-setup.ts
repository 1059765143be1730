// Vitest global setup: builds the database templates once per test run and hands their
// locations to the test workers (see ./index.ts for how to use it).
import type { TestProject } from 'vitest/node';
import { ensureTestTemplates, type TestTemplates } from './templates';

declare module 'vitest' {
  export interface ProvidedContext {
    atlasDbTemplates: TestTemplates;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('atlasDbTemplates', await ensureTestTemplates());
}
