/**
 * Valid HTML: every built HTML file passes html-validate with the rules of the HTML standard and
 * the Nu Html Checker's micro-syntax checks (test/support/html-validate.ts), with no Java needed.
 */
import { join, relative } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listFiles } from '../support/html.ts';
import { htmlValidator, reportLines } from '../support/html-validate.ts';

const distDir = inject('distDir');
const htmlFiles = listFiles(distDir, '.html');

describe('valid HTML (html-validate)', () => {
  test('the build has HTML pages to check', () => {
    expect(htmlFiles.length).toBeGreaterThan(1);
  });

  test('every built HTML file passes with no error', async () => {
    const report = await htmlValidator.validateMultipleFiles(htmlFiles.map((file) => join(distDir, file)));
    const lines = reportLines(report, (file) => relative(distDir, file));
    expect(lines, `html-validate found ${report.errorCount} error(s):\n${lines.join('\n')}`).toEqual([]);
    expect(report.valid).toBe(true);
  });
});
