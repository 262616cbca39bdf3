/**
 * Valid HTML: every built HTML file passes html-validate with the rules of the HTML standard and
 * the Nu checker's micro-syntax checks (test/support/html-validate.ts), with no Java needed. Where
 * a Java runtime is present, the Nu Html Checker (vnu-jar) reads every file as well, as an extra
 * opinion; `TL_NO_JAVA=1` leaves it out as if there were no Java.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listFiles } from '../support/html.ts';
import { htmlValidator, reportLines } from '../support/html-validate.ts';

const distDir = inject('distDir');
const htmlFiles = listFiles(distDir, '.html');

/** Whether a Java runtime answers `java -version` (and `TL_NO_JAVA` does not say to act as if none did). */
function javaPresent(): boolean {
  if (process.env['TL_NO_JAVA']) return false;
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0;
}

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

/** One message of vnu's JSON report. */
interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/** Runs vnu once over the folder and returns its messages. */
function validateWithVnu(dir: string): Promise<VnuMessage[]> {
  // The package's export is the jar's path as a String object.
  const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
  return new Promise((resolve, reject) => {
    // One short run: the quick compiler alone and the serial collector take well under half the CPU
    // of the JVM's defaults (the quick compiler's deeper frames need the larger stack).
    const child = spawn('java', ['-Xss8m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
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

// The Nu checker needs a JVM, which `npm ci` does not bring: it is an extra where Java is installed,
// never the only check (html-validate above runs everywhere).
if (javaPresent()) {
  describe('valid HTML (Nu Html Checker, Java present)', () => {
    test('every built HTML file passes with no error', async () => {
      const messages = await validateWithVnu(distDir);
      const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
      const where = (m: VnuMessage) => (m.url ? relative(distDir, new URL(m.url).pathname) : '(no file)');
      const lines = errors.map((m) => `${where(m)}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, ' ')}` : ''}`);
      expect(errors.length, `vnu found ${errors.length} error(s):\n${lines.join('\n')}`).toBe(0);
    });
  });
}
