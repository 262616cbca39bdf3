/**
 * Runs a command as the benchmark measures it: wall time, and peak resident memory of the whole
 * process tree (the command and every process it starts), sampled from /proc every 100 ms.
 * Every child runs in its own process group, so that it and its descendants can be stopped when
 * the benchmark stops for any reason.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** What a measured run produced. */
export interface RunResult {
  /** Exit code (1 when killed by a signal). */
  code: number;
  /** Everything printed on stdout and stderr, interleaved. */
  output: string;
  /** Wall time in milliseconds. */
  ms: number;
  /** Peak of the summed resident memory of the process tree, in bytes. */
  peakTreeRss: number;
  /** Largest peak resident memory (VmHWM) of any single process of the tree, in bytes. */
  peakProcessRss: number;
  /**
   * CPU time (user + system) of the whole process tree: the larger of `/usr/bin/time`'s figure (the
   * command and the children it waited for) and the sum, over every process seen in the tree, of
   * its own CPU time at its last sample. The second counts a child nobody waited for (Pagefind's
   * binary under its Node API, which `/usr/bin/time` missed); it misses up to 100 ms of each
   * process's end. Undefined when neither could be read.
   */
  cpuMs: number | undefined;
  /** Milliseconds after start at which each output line matching a watched pattern was first seen. */
  marks: Map<string, number>;
}

const running = new Set<ChildProcess>();
const GNU_TIME = '/usr/bin/time';

/** Stops every child still running (and its process group). Safe to call more than once. */
export function killChildren(): void {
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // The group is already gone.
      }
    }
  }
  running.clear();
}

function parentOf(pid: string): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields follow the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU time a process has used itself (user + system, not its children's), in milliseconds. */
function cpuOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the whole line (utime, stime) are 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Kilobyte fields of /proc/<pid>/status, in bytes. */
function memoryOf(pid: string): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/** The pid and all its descendants, read from /proc. */
function processTree(root: number): string[] {
  const children = new Map<string, string[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const parent = parentOf(name);
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(name);
    else children.set(parent, [name]);
  }
  const out: string[] = [];
  const queue = [String(root)];
  while (queue.length > 0) {
    const pid = queue.shift() as string;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Options of {@link runMeasured}. */
export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Output patterns whose first appearance is timed (see {@link RunResult.marks}). */
  watch?: Record<string, RegExp>;
  /** Echo the child's output with this prefix (for long runs), or stay quiet. */
  echo?: string;
}

/** Runs `command args` and measures it; never throws on a failed exit (read `code`). */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  // GNU time, where present, adds the CPU time of the whole tree (as each process reaps its children).
  const timeDir = existsSync(GNU_TIME) ? mkdtempSync(join(tmpdir(), 'tl-bench-time-')) : undefined;
  const timeFile = timeDir === undefined ? undefined : join(timeDir, 'time');
  const [file, argv] = timeFile === undefined ? [command, args] : [GNU_TIME, ['-o', timeFile, '-f', '%U %S', command, ...args]];
  const cpuTime = () => {
    if (timeFile === undefined || timeDir === undefined) return undefined;
    try {
      const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
      return user !== undefined && system !== undefined && Number.isFinite(user + system) ? (user + system) * 1000 : undefined;
    } catch {
      return undefined;
    } finally {
      rmSync(timeDir, { recursive: true, force: true });
    }
  };
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    let output = '';
    let pending = '';
    const marks = new Map<string, number>();
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (options.echo !== undefined && line.trim() !== '') process.stderr.write(`${options.echo}${line}\n`);
        for (const [name, pattern] of Object.entries(options.watch ?? {})) {
          if (!marks.has(name) && pattern.test(line)) marks.set(name, performance.now() - start);
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);

    let peakTreeRss = 0;
    let peakProcessRss = 0;
    /** Each process of the tree by pid, with its own CPU time when last sampled. */
    const cpuByPid = new Map<string, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        const { rss, hwm } = memoryOf(pid);
        sum += rss;
        peakProcessRss = Math.max(peakProcessRss, hwm);
        const cpu = cpuOf(pid);
        if (cpu !== undefined) cpuByPid.set(pid, Math.max(cpu, cpuByPid.get(pid) ?? 0));
      }
      peakTreeRss = Math.max(peakTreeRss, sum);
    };
    const treeCpu = () => {
      const timed = cpuTime();
      const sampled = cpuByPid.size > 0 ? [...cpuByPid.values()].reduce((a, b) => a + b, 0) : undefined;
      return timed === undefined ? sampled : Math.max(timed, sampled ?? 0);
    };
    const timer = setInterval(sample, 100);
    sample();

    child.on('error', (error) => {
      clearInterval(timer);
      running.delete(child);
      reject(new Error(`could not start ${command}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearInterval(timer);
      running.delete(child);
      resolve({ code: code ?? 1, output, ms: performance.now() - start, cpuMs: treeCpu(), peakTreeRss: Math.max(peakTreeRss, peakProcessRss), peakProcessRss, marks });
    });
  });
}
