// Writes the totals of a test run to WW_RESULTS as JSON, so scripts/test.mjs
// can add them to the one summary line CI reads.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Counts a suite's tests; a failed one is named (browser, file, suites, test, error) for the summary CI shows. */
function count(suite, totals, where, path = []) {
  const names = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests ?? []) {
    totals.milliseconds += test.duration ?? 0;
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      const error = test.error?.message ? `: ${test.error.message.replace(/\s+/g, ' ').slice(0, 300)}` : '';
      totals.failedTests.push(`${where}: ${[...names, test.name].join(' > ')}${error}`);
    }
  }
  for (const child of suite.suites ?? []) count(child, totals, where, names);
}

export function resultsReporter(file = process.env.WW_RESULTS) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failedTests: [], milliseconds: 0 };
      // The time the tests of each file took in every browser together: where the gate's minutes go.
      const secondsPerFile = new Map();
      for (const session of sessions) {
        const before = totals.failed;
        const testFile = relative(process.cwd(), session.testFile);
        const millisecondsBefore = totals.milliseconds;
        if (session.testResults) count(session.testResults, totals, `${session.browser.name}: ${testFile}`);
        secondsPerFile.set(testFile, (secondsPerFile.get(testFile) ?? 0) + (totals.milliseconds - millisecondsBefore) / 1000);
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
      const slowestFiles = [...secondsPerFile].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, seconds]) => `${name} ${seconds.toFixed(0)} s`);
      if (file) writeFileSync(file, JSON.stringify({ ...totals, slowestFiles }));
    },
  };
}
