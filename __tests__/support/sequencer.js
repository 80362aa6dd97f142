/**
 * Jest runs the longest suites first so that neither of the two workers idles at the end: from its
 * own timing cache when it has one, and on a fresh clone (CI), which has none, from the durations
 * recorded in suite-durations.json. Without either, jest would order by file size, which put the
 * Terraform plan suites last. The recorded durations only order the run; they decide nothing else.
 *
 * Refresh them after suites change a lot:
 *   npx jest --json --outputFile=.build/jest.json && node __tests__/support/sequencer.js .build/jest.json
 */
'use strict';
const fs = require('fs');
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.resolve(__dirname, '..', '..');
const RECORD = path.join(__dirname, 'suite-durations.json');

class LongestFirst extends Sequencer {
  constructor(...args) {
    super(...args);
    this.recorded = JSON.parse(fs.readFileSync(RECORD, 'utf8'));
  }

  time(test) {
    return super.time(test) ?? this.recorded[path.relative(ROOT, test.path).split(path.sep).join('/')];
  }
}

module.exports = LongestFirst;

if (require.main === module) {
  const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const durations = Object.fromEntries(
    report.testResults
      .map((r) => [`__tests__/${r.name.split(`${path.sep}__tests__${path.sep}`).pop().split(path.sep).join('/')}`, Math.round(r.endTime - r.startTime)])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  fs.writeFileSync(RECORD, `${JSON.stringify(durations, null, 2)}\n`);
  console.log(`recorded ${Object.keys(durations).length} suite durations in ${path.relative(ROOT, RECORD)}`);
}
