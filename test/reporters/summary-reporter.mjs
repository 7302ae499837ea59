// Prints one plain line, "N passed, N failed, N skipped", after the run, for CI to read.
function count(suite, totals) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) totals.skipped++;
    else if (t.passed) totals.passed++;
    else totals.failed++;
  }
  for (const s of suite.suites ?? []) count(s, totals);
}

export function summaryReporter() {
  let totals = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
  return {
    onTestRunFinished({ sessions }) {
      totals = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
      for (const s of sessions) {
        if (s.testResults) count(s.testResults, totals);
        // A file that failed to load (syntax error, 404 import) has errors but no tests: count it as a failure.
        if (!s.passed && (s.errors?.length ?? 0) > 0 && !(s.testResults?.tests?.length || s.testResults?.suites?.length)) {
          totals.erroredFiles++;
        }
      }
    },
    stop() {
      const failed = totals.failed + totals.erroredFiles;
      process.stdout.write(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
