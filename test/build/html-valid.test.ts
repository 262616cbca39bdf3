/**
 * Valid HTML: the Nu Html Checker (vnu-jar) reads every built HTML file in one Java process and
 * reports no error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listFiles } from '../support/html.ts';

const distDir = inject('distDir');
// The package's export is the jar's path as a String object.
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/** One message of vnu's JSON report. */
interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** Fails with how to install Java when there is none: the check must never be skipped quietly. */
function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'The HTML validity check runs the Nu Html Checker, which needs a Java runtime (11 or newer) and found none ' +
        '(`java -version` failed). Install one with `sudo apt-get install -y default-jre-headless` (Debian/Ubuntu) ' +
        'or put a `java` binary on PATH.',
    );
  }
}

/** Runs vnu once over the folder and returns its messages. */
function validate(dir: string): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', ['-Xss1024k', '-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // vnu prints its JSON report on stderr and exits 1 when it found errors.
      const text = [err, out].find((t) => t.trim().startsWith('{'));
      if (!text) {
        reject(new Error(`vnu exited ${code} without a JSON report:\n${err}${out}`));
        return;
      }
      resolve((JSON.parse(text) as { messages: VnuMessage[] }).messages);
    });
  });
}

describe('valid HTML (Nu Html Checker)', () => {
  test('the build has HTML pages to check', () => {
    expect(listFiles(distDir, '.html').length).toBeGreaterThan(1);
  });

  test('every built HTML file passes with no error', async () => {
    requireJava();
    const messages = await validate(distDir);
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
    const where = (m: VnuMessage) => (m.url ? relative(distDir, new URL(m.url).pathname) : '(no file)');
    const lines = errors.map((m) => `${where(m)}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, ' ')}` : ''}`);
    expect(errors.length, `vnu found ${errors.length} error(s):\n${lines.join('\n')}`).toBe(0);
  });
});
