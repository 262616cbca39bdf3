/**
 * The benchmark's measured run (scripts/bench/process.ts): its CPU time counts a child that its
 * parent never waited for, as Pagefind's binary is under its Node API.
 */
import { describe, expect, test } from 'vitest';
import { runMeasured } from '../../scripts/bench/process.ts';

/** A child that works until it has used 600 ms of CPU, says so, and works on until it is killed. */
const CHILD = `
  let said = false;
  for (;;) {
    const used = process.cpuUsage().user / 1000;
    if (!said && used >= 600) { process.stdout.write('worked\\n'); said = true; }
  }
`;
/** A parent that starts the child, kills it once it has worked and exits at once, without waiting for it. */
const PARENT = `
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, ['-e', ${JSON.stringify(CHILD)}], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (d) => {
    if (String(d).includes('worked')) { child.kill('SIGKILL'); process.exit(0); }
  });
`;

describe('runMeasured', () => {
  test('counts the CPU time of a child its parent never waited for', async () => {
    const run = await runMeasured(process.execPath, ['-e', PARENT], { cwd: process.cwd() });
    expect(run.code, run.output).toBe(0);
    // The child used at least 600 ms; samples every 100 ms see all but the last of it.
    expect(run.cpuMs).toBeGreaterThanOrEqual(450);
  }, 30_000);
});
