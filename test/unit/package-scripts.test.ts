/**
 * No npm script contacts a third party on its own: Astro's command-line tool sends usage data to
 * Astro's servers unless ASTRO_TELEMETRY_DISABLED is set (or the machine is a known CI), so every
 * script that starts Astro sets it for that command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildCommands, commandWords } from '../support/site-build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** Each command of a script that starts Astro (`astro …`), with the variables it sets before it. */
function astroCommands(script: string): { command: string; env: string[] }[] {
  return script.split(/&&|\|\||;/).flatMap((command) => {
    const { env, program } = commandWords(command);
    return program === 'astro' ? [{ command: command.trim(), env: Object.entries(env).map(([name, value]) => `${name}=${value}`) }] : [];
  });
}

describe('package.json scripts', () => {
  test('every command that starts Astro switches its telemetry off', () => {
    const commands = Object.values(scripts).flatMap(astroCommands);
    // dev, build, preview, start (twice), check, test
    expect(commands.length).toBeGreaterThanOrEqual(7);
    for (const { command, env } of commands) expect(env, command).toContain('ASTRO_TELEMETRY_DISABLED=1');
  });

  test('the build tests run npm run build with the variables it sets', () => {
    const [astro, index] = buildCommands(ROOT);
    expect(astro?.env).toEqual({ ASTRO_TELEMETRY_DISABLED: '1' });
    expect(astro?.args.slice(1)).toEqual(['build']);
    expect(index?.args).toEqual(['scripts/index-site.ts']);
  });

  test('a command without the variable is found', () => {
    expect(astroCommands('astro build && node x.ts')).toEqual([{ command: 'astro build', env: [] }]);
    expect(astroCommands('A=1 ASTRO_TELEMETRY_DISABLED=1 astro dev')[0]?.env).toEqual(['A=1', 'ASTRO_TELEMETRY_DISABLED=1']);
  });
});
