/**
 * Records every entry id in the permalink registry (`src/content/permalinks.yaml`), so that
 * once published an id can never silently disappear.
 *
 *   npm run permalinks            add the ids not yet registered, sorted, keeping comments
 *   npm run permalinks -- --check exit 1 and list the ids not yet registered
 *
 * CONTENT_DIR points it at another content tree, as for the build.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { registerIds, unregisteredIds } from '../src/lib/permalinks.ts';
import { parse } from 'yaml';

const root = resolve(process.env.CONTENT_DIR ?? 'src/content');
const registryPath = join(root, 'permalinks.yaml');
const check = process.argv.includes('--check');

function entryIds(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return entryIds(join(dir, d.name));
    return d.name.endsWith('.mdx') && !d.name.startsWith('.') ? [basename(d.name, '.mdx')] : [];
  });
}

const ids = entryIds(join(root, 'entries'));
const text = existsSync(registryPath) ? readFileSync(registryPath, 'utf8') : '';
const shown = relative(process.cwd(), registryPath);

if (check) {
  const published = (parse(text) as { published?: unknown } | null)?.published;
  const missing = unregisteredIds(Array.isArray(published) ? published.map(String) : [], ids);
  if (missing.length > 0) {
    console.error(`${shown}: ${missing.length} entry id${missing.length === 1 ? ' is' : 's are'} not registered; run \`npm run permalinks\`:`);
    for (const id of missing) console.error(`  ${id}`);
    process.exit(1);
  }
  console.log(`${shown}: all ${ids.length} entry ids are registered`);
} else {
  const result = registerIds(text, ids);
  if (result.added.length > 0) writeFileSync(registryPath, result.text);
  console.log(result.added.length > 0 ? `${shown}: registered ${result.added.join(', ')}` : `${shown}: nothing to add (${ids.length} entry ids registered)`);
}
