/**
 * The order test files start in: the long browser files first, then the build files that read
 * every built page or compare whole builds, then the rest in Vitest's own order (its cache of
 * earlier durations, longest first). With several workers, a long file started last would leave
 * the run waiting on it alone.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files known to take longest, longest first (paths relative to the project, as prefixes). */
const LONGEST_FIRST = [
  'test/e2e/every-page.test.ts',
  'test/search/ui.test.ts',
  'test/e2e/keyboard.test.ts',
  'test/e2e/responsive.test.ts',
  'test/e2e/timeline.test.ts',
  'test/build/html-valid.test.ts',
  'test/build/escaping.test.ts',
  'test/build/determinism.test.ts',
  'test/build/base-path.test.ts',
  'test/e2e/first-search.test.ts',
  'test/e2e/cjk-text.test.ts',
  'test/e2e/recall.test.ts',
  'test/unit/versions.test.ts',
  'test/unit/new-entry.test.ts',
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const path = spec.moduleId.slice(spec.project.config.root.replace(/\/?$/, '/').length);
      const at = LONGEST_FIRST.indexOf(path);
      return at === -1 ? LONGEST_FIRST.length : at;
    };
    // Array.prototype.sort is stable: files outside the list keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
