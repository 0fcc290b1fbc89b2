import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { NEEDS } from './needs.js';

/** One line per missing need at the end of the run: what was skipped for want of it, so a skip is never silent. */
export default class SkipReasonsReporter implements Reporter {
  private vitest?: Vitest;

  onInit(vitest: Vitest): void { this.vitest = vitest; }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = new Map<string, { tests: number; files: Set<string> }>();
    for (const module of testModules) {
      for (const suite of module.children.allSuites()) {
        const need = NEEDS.find((n) => suite.name.startsWith(n.reason));
        if (!need || suite.state() !== 'skipped') continue;
        const entry = skipped.get(need.reason) ?? { tests: 0, files: new Set<string>() };
        entry.tests += [...suite.children.allTests()].length;
        entry.files.add(module.relativeModuleId);
        skipped.set(need.reason, entry);
      }
    }
    for (const { reason } of NEEDS) {
      const entry = skipped.get(reason);
      if (!entry) continue;
      const { tests, files } = entry;
      this.vitest?.logger.log(`   Skipped  ${tests} tests in ${files.size} file${files.size === 1 ? '' : 's'}: ${reason} (see README, "Tests that need PostgreSQL, Chromium or Redis")`);
    }
  }
}
