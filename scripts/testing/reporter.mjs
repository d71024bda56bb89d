// Writes the totals of a test run to WW_RESULTS as JSON, so scripts/test.mjs
// can add them to the one summary line CI reads.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function resultsReporter(file = process.env.WW_RESULTS) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failedTests: [] };
      for (const session of sessions) {
        const before = totals.failed;
        if (session.testResults) count(session.testResults, totals);
        // Errors outside a test (a failing hook such as the Lit-warning check) count too.
        for (const error of session.errors ?? []) {
          totals.failed++;
          totals.failedTests.push(`${session.browser.name}: ${session.testFile}: ${error.message}`);
        }
        // A file that failed to load or threw outside a test has no failed test to count.
        if (!session.passed && totals.failed === before) {
          totals.failed++;
          totals.failedTests.push(`${session.browser.name}: ${session.testFile} (${(session.errors ?? []).map((e) => e.message).join('; ') || 'failed'})`);
        }
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}
