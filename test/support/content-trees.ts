/**
 * The content trees of the build layer's fixture builds, each laid out once per run from the real
 * content (test/support/shared-builds.ts builds them):
 *
 * - the variant: one entry corrected (its first text kept as version 1), the hostile-text overlay
 *   `test/fixtures/escaping` and the entry of `test/fixtures/allowed-body`, built for a deployment
 *   under a sub-path (`DEPLOYMENT`); read by versions, base-path, escaping and entry-body;
 * - the renamed tree: an entry's old id still published and redirected to it, built on the shared
 *   build's day at another time; read by permalinks and determinism;
 * - the faulty tree: faults of every stage before rendering at once (the corrected entry's
 *   snapshot lost, a published id with neither entry nor redirect, and {@link PIPELINE_HOLES}: a
 *   file hidden in a dot-folder, YAML merge keys and aliases, a front matter closed by a longer
 *   rule above a meta refresh, a misspelt field, an impossible date); the content check reports
 *   every problem of a tree in one run, so this one failing build serves the versions, permalinks
 *   and content-pipeline files;
 * - the hostile tree: every hostile body of `test/fixtures/bad/body-*`, which the MDX compile
 *   refuses (it stops at the first, so each kind is also checked alone in test/unit).
 *
 * The fixtures cite the fixture source `rule` (test/fixtures/valid); in these trees they cite the
 * real record of the same rule instead, so each tree has the problems it is made to have and no other.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { splitFrontMatter } from '../../src/lib/content/front-matter.ts';
import { realContent } from '../build/output-files.ts';
import { ROOT } from './site-build.ts';

const FIXTURES = join(ROOT, 'test/fixtures');

let real: ReturnType<typeof realContent> | undefined;
/** The real content, checked; read once. */
const content = () => (real ??= realContent());

/** The deployment the variant is built for: a sub-path of an https site, with a report address. */
export const DEPLOYMENT = {
  SITE_URL: 'https://example.github.io',
  BASE_PATH: '/cctv-timeline',
  REPORT_URL: 'mailto:corrections@example.org',
  BUILD_DATE: '2026-12-31T09:00:00Z',
} as const;
/** The variant's base path with its closing slash, as every internal URL starts. */
export const BASE = `${DEPLOYMENT.BASE_PATH}/`;

/** The correction made to one real entry (in the variant and, with its snapshot lost, the faulty tree). */
export const CORRECTION = {
  date: '2026-12-01',
  note: 'Added a sentence on what the record shows.',
  added: 'This sentence was added by the correction.',
} as const;

/** The hostile body fixtures (`test/fixtures/bad/body-*`), all in the hostile tree. */
export const HOSTILE_BODIES = readdirSync(join(FIXTURES, 'bad')).filter((name) => name.startsWith('body-')).sort();

/** The real entry that gets corrected: the first never corrected nor updated. */
export function correctedEntry() {
  const entry = content().entries.find((e) => e.data.corrections.length === 0 && e.data.updated === undefined);
  if (!entry) throw new Error('no real entry is free of corrections and updates to correct in the test trees');
  return entry;
}

/** The real entry that replaced a renamed one, and the old id, still published. */
export function renamedEntry() {
  const target = content().entries[0]!;
  return { target, old: `${target.data.date}-renamed-entry` };
}

/** A copy of the real content at `dir`. */
function realTree(dir: string): string {
  cpSync(join(ROOT, 'src/content'), dir, { recursive: true });
  return dir;
}

function editRegistry(dir: string, edit: (registry: { published: string[]; redirects: Record<string, string>; versions?: Record<string, number> }) => void): void {
  const file = join(dir, 'permalinks.yaml');
  const registry = parse(readFileSync(file, 'utf8')) as Parameters<typeof edit>[0];
  registry.redirects ??= {};
  edit(registry);
  writeFileSync(file, stringify(registry));
}

/** Corrects the entry of {@link correctedEntry} once, registers version 2 and keeps version 1 unless `lose`. */
function correct(dir: string, lose: boolean): void {
  const { id } = correctedEntry();
  const file = join(dir, 'entries', `${id}.mdx`);
  const original = readFileSync(file, 'utf8');
  const split = splitFrontMatter(original);
  if (typeof split === 'string') throw new Error(`${file}: ${split}`);
  const { yaml: frontMatter, body } = split;
  const data = parse(frontMatter) as Record<string, unknown>;
  data['updated'] = CORRECTION.date;
  data['corrections'] = [{ date: CORRECTION.date, note: CORRECTION.note }];
  // The added paragraph cites the entry's first source, as every paragraph of a cited body must.
  const cite = Array.isArray(data['sources']) && body.includes('<Cite ') ? `<Cite source="${String(data['sources'][0])}" />` : '';
  writeFileSync(file, `---\n${stringify(data)}---\n${body.trimEnd()}\n\n${CORRECTION.added}${cite}\n`);
  if (!lose) {
    mkdirSync(join(dir, 'versions', id), { recursive: true });
    writeFileSync(join(dir, 'versions', id, '1.mdx'), original);
  }
  editRegistry(dir, (registry) => {
    registry.versions = { ...registry.versions, [id]: 2 };
  });
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * Lays a fixture folder (or one `folder` of it) over the tree: its files are added (a file the tree already has is an
 * error: a fixture must not replace real content), and its `permalinks.yaml` adds its ids to the
 * registry. A fixture citing the fixture source `rule` cites the real record of that rule instead.
 */
function overlay(dir: string, fixture: string, folder = ''): void {
  for (const file of filesUnder(join(fixture, folder)).map((f) => join(folder, f))) {
    const from = join(fixture, file);
    if (file === 'permalinks.yaml') {
      const published = (parse(readFileSync(from, 'utf8')) as { published: string[] }).published;
      editRegistry(dir, (registry) => registry.published.push(...published));
      continue;
    }
    const to = join(dir, file);
    if (existsSync(to)) throw new Error(`${relative(ROOT, from)} would replace ${file} of the real content; give the fixture record an id of its own`);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, citeRealRule(readFileSync(from, 'utf8')));
  }
}

/** The line by which the fixtures cite the fixture source `rule`. */
const FIXTURE_RULE = 'sources: [rule]';

/** The id of the real record of the Federal Register rule that the fixtures cite as `rule`. */
function realRuleId(): string {
  const rule = content().sources.find((s) => s.data.url?.includes('federalregister.gov/d/2019-22210'));
  if (!rule) throw new Error('the real content has no source for Federal Register document 2019-22210, which the fixtures cite as `rule`');
  return rule.id;
}

/** The text with the fixture source `rule` replaced by the real record of the same Federal Register rule, in the source list and in every citation (same lines, so line numbers hold). */
function citeRealRule(text: string): string {
  if (!text.includes(FIXTURE_RULE)) return text;
  const id = realRuleId();
  return text.replace(FIXTURE_RULE, `sources: [${id}]`).replaceAll('<Cite source="rule" />', `<Cite source="${id}" />`);
}

/**
 * A fixture's expected problem as a tree that holds the fixture beside the real content reports
 * it: where the message lists the sources an entry may cite, the fixture source `rule` is the real
 * record {@link citeRealRule} put in its place.
 */
export function problemBesideRealContent(line: string): string {
  return line.replace(/(cite one of: )(.+)$/, (_, lead: string, ids: string) => lead + ids.split(', ').map((id) => (id === 'rule' ? realRuleId() : id)).join(', '));
}

/** The variant tree (see the module comment), in `dir`. */
export function variantTree(dir: string): string {
  realTree(dir);
  correct(dir, false);
  overlay(dir, join(FIXTURES, 'escaping'));
  overlay(dir, join(FIXTURES, 'allowed-body'));
  return dir;
}

/** The real content with {@link renamedEntry}'s old id published and, unless `redirect` is false, redirected. */
function rename(dir: string, redirect: boolean): void {
  const { target, old } = renamedEntry();
  editRegistry(dir, (registry) => {
    registry.published.push(old);
    if (redirect) registry.redirects[old] = target.id;
  });
}

/** The renamed tree (see the module comment), in `dir`. */
export function renamedTree(dir: string): string {
  realTree(dir);
  rename(dir, true);
  return dir;
}

/** The faulty tree (see the module comment), in `dir`. */
export function faultyTree(dir: string): string {
  realTree(dir);
  correct(dir, true);
  rename(dir, false);
  addPipelineHoles(dir);
  return dir;
}

/** The hostile tree (see the module comment), in `dir`. */
export function hostileBodiesTree(dir: string): string {
  realTree(dir);
  for (const name of HOSTILE_BODIES) overlay(dir, join(FIXTURES, 'bad', name), 'entries');
  return dir;
}

/** What each pipeline hole of the faulty tree is made of, with the problem the build must name (file relative to the tree). */
export const PIPELINE_HOLES = [
  { file: 'entries/.archive/2019-10-07-archived.mdx', problem: 'not read: no name under the content folder may start with "." or "_" (".archive")' },
  { file: 'sources/_draft.yaml', problem: 'not read: no name under the content folder may start with "." or "_" ("_draft.yaml")' },
  { file: 'vendors/hikvision.yaml', problem: 'merge key "<<" is not allowed' },
  { file: 'vendors/hikvision.yaml', problem: 'alias "*c" is not allowed' },
  { file: 'entries/2021-06-25-hancock-cctv-footage-published.mdx', problem: 'corection: unknown field "corection"; did you mean "corrections"?' },
  { file: 'entries/2021-06-28-hancock-office-camera-disabled.mdx', problem: 'updated: 2999-01-01 is in the future' },
  { file: 'entries/2022-11-25-hikvision-denies-uk-security-threat.mdx', problem: '"------" is not a front-matter delimiter' },
] as const;

/** The payload of the front-matter hole: what a page would carry if the body were read from the wrong place. */
export const META_REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example/">';

/** Writes {@link PIPELINE_HOLES} into a real tree. */
function addPipelineHoles(dir: string): void {
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  mkdirSync(join(dir, 'entries/.archive'), { recursive: true });
  writeFileSync(join(dir, 'entries/.archive/2019-10-07-archived.mdx'), readFileSync(join(dir, 'entries/2019-10-07-us-entity-list-hikvision-dahua.mdx'), 'utf8'));
  writeFileSync(join(dir, 'sources/_draft.yaml'), 'title: A draft\n');
  edit('vendors/hikvision.yaml', (text) => `${text.trimEnd()}\nx: &c { name: Someone else }\n<<: *c\n`);
  edit('entries/2021-06-25-hancock-cctv-footage-published.mdx', (text) => text.replace('\npublished:', '\ncorection: x\npublished:'));
  edit('entries/2021-06-28-hancock-office-camera-disabled.mdx', (text) => (/\nupdated: /.test(text) ? text.replace(/\nupdated: .*/, '\nupdated: 2999-01-01') : text.replace('\npublished:', '\nupdated: 2999-01-01\npublished:')));
  edit('entries/2022-11-25-hikvision-denies-uk-security-threat.mdx', (text) => {
    const close = text.indexOf('\n---\n', 4);
    return `${text.slice(0, close)}\n------\n\`\`\`\n---\n${META_REFRESH}\n\`\`\`\n${text.slice(close + 5)}`;
  });
}
