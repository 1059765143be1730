#!/usr/bin/env node
// Adds up the Vitest JSON reports of every workspace package and prints one closing line,
// "N passed, N failed, N skipped". Exits non-zero when a test failed or was skipped, when a
// package that has tests wrote no report, or when no test ran at all.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const problems = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

for (const group of ['apps', 'packages', 'tooling']) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir)) {
    const pkgFile = join(groupDir, name, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    if (!pkg.scripts?.test) continue;
    const reportFile = join(groupDir, name, 'test-results', 'vitest.json');
    if (!existsSync(reportFile)) {
      problems.push(`${pkg.name}: no test report at ${reportFile}`);
      continue;
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const skipped = report.numPendingTests + report.numTodoTests;
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += skipped;
    process.stdout.write(
      `${pkg.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped\n`,
    );
    if (report.numTotalTests === 0) problems.push(`${pkg.name}: ran no test`);
    // A crashed worker or an unhandled error fails the run without failing a test.
    if (report.success === false && report.numFailedTests === 0) {
      problems.push(
        `${pkg.name}: the run failed outside any test (crashed worker or unhandled error)`,
      );
    }
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'pending' || test.status === 'skipped' || test.status === 'todo') {
          problems.push(`${pkg.name}: skipped: ${test.fullName}`);
        }
      }
      if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
        problems.push(`${pkg.name}: test file failed to run: ${file.name} ${file.message ?? ''}`);
        totals.failed += 1;
      }
    }
  }
}

for (const problem of problems) process.stdout.write(`problem: ${problem}\n`);
process.stdout.write(
  `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
const ok =
  problems.length === 0 && totals.failed === 0 && totals.skipped === 0 && totals.passed > 0;
process.exit(ok ? 0 : 1);
