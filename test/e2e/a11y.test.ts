/**
 * Accessibility: axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules over every page in the built
 * sitemap, every earlier version of an entry and a current-version page (which the sitemap leaves
 * out), and the 404 page, in the light and the dark colour scheme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { sitemapPaths, versionPathsToAudit, withTabs } from '../support/crawl.ts';

const origin = inject('origin');
const distDir = inject('distDir');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PARALLEL_PAGES = 3;
// Every page of the sitemap is audited, so the time grows with the content: up to a few seconds a page
// on a busy two-core machine, with a floor for small sites.
const AUDIT_TIMEOUT_MS = 900_000;

/** One axe finding, flattened for a readable failure message. */
interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

let browser: Browser;
const pages = [...sitemapPaths(distDir), ...versionPathsToAudit(distDir), '/404.html'];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Loads one page in a tab, runs axe on it and returns its violations. */
async function audit(page: Page, path: string): Promise<Finding[]> {
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  // evaluate() runs outside the page's CSP, so the site's policy stays in force for its own scripts.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })`,
  )) as AxeResult;
  return result.violations.map((v) => ({
    page: path,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

/** A failure message that names the page, rule, impact and elements of every finding. */
function report(findings: Finding[]): string {
  return findings.map((f) => `${f.page}: [${f.impact}] ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  test('the sitemap gives the audit pages to check, with a page of a single version', () => {
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.some((p) => /^\/entries\/[^/]+\/v\/\d+\/$/.test(p))).toBe(true);
  });

  test.each(['light', 'dark'] as const)('every page has no violation in the %s colour scheme', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, reducedMotion: 'reduce' });
    try {
      const findings = (await withTabs(context, PARALLEL_PAGES, pages, audit)).flat();
      expect(findings, `axe found ${findings.length} violation(s):\n${report(findings)}`).toEqual([]);
    } finally {
      await context.close();
    }
  }, Math.max(AUDIT_TIMEOUT_MS, pages.length * 3_000)); // generous: a loaded machine slows axe several times over
});
