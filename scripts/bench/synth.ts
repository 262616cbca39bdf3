/**
 * Synthetic content for the benchmark: any number of entries of realistic length and vocabulary,
 * with their sources, spread over 2015 to the day before the build, deterministic for a seed.
 * Vendors, jurisdictions and bodies are the real records, copied from the site's content, so the
 * browse pages have the shape they have in production. Everything it writes passes the site's
 * content check.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { CATEGORY_IDS } from '../../src/schemas/category.ts';
import { MEASURE_BINDS_IDS, MEASURE_KIND_IDS } from '../../src/schemas/measure.ts';
import { RELATION_TYPE_IDS } from '../../src/schemas/relation.ts';

/** What to generate. */
export interface SynthOptions {
  /** How many entries. */
  count: number;
  /** The seed of the pseudo-random generator: one seed, one content tree. */
  seed: number;
  /** The build day (`YYYY-MM-DD`); every date generated is at most the day before. */
  today: string;
  /** Vendor ids that entries may reference. */
  vendors: readonly string[];
  /** Jurisdiction ids (at least one). */
  jurisdictions: readonly string[];
  /** Body ids that entries may reference. */
  bodies: readonly string[];
}

/** One file of a content tree, its path relative to the tree's root. */
export interface SynthFile {
  path: string;
  text: string;
}

/** A pseudo-random generator (mulberry32): a function returning floats in [0, 1). */
export type Random = () => number;

/**
 * Creates a seeded pseudo-random generator; the same seed always yields the same sequence.
 * @example const random = createRandom(42); random() // 0.6011037519201636
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);

const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

// The vocabulary: words and phrases of surveillance-equipment policy, joined by templates.
const ACTORS = [
  'the interior ministry', 'the defence ministry', 'the communications regulator', 'a parliamentary committee',
  'the data protection authority', 'the procurement agency', 'the national security council', 'the city council',
  'the commerce department', 'the cybersecurity agency', 'the public accounts committee', 'the surveillance camera commissioner',
  'the education department', 'the transport authority', 'the foreign affairs committee', 'the biometrics regulator',
];
const VERBS = [
  'banned the purchase of', 'ordered the removal of', 'restricted the use of', 'opened an inquiry into', 'published guidance on',
  'added to its entity list the makers of', 'warned public bodies about', 'audited the installed base of', 'suspended contracts for',
  'called for a review of', 'issued a security advisory on', 'set a deadline to replace',
];
const OBJECTS = [
  'networked surveillance cameras', 'video recorders on government networks', 'facial recognition systems', 'thermal imaging cameras',
  'CCTV equipment on sensitive sites', 'internet-connected security cameras', 'body-worn cameras', 'licence-plate recognition cameras',
  'video management software', 'camera firmware with remote access', 'surveillance equipment in schools', 'cameras at military bases',
];
const REASONS = [
  'concerns about the national intelligence law', 'the risk of remote access to video feeds', 'reports of human rights abuses in Xinjiang',
  'unpatched vulnerabilities in camera firmware', 'the exposure of critical infrastructure', 'data flows to servers abroad',
  'supply chain security requirements', 'the findings of an independent audit', 'pressure from civil liberties groups',
  'obligations under export control rules', 'a review of procurement rules', 'the security of government estates',
];
const NOUNS = [
  'procurement', 'compliance', 'firmware', 'backdoor', 'vulnerability', 'audit', 'retrofit', 'deadline', 'exemption', 'contract', 'supplier',
  'installer', 'reseller', 'network', 'estate', 'regulation', 'statute', 'sanction', 'entity list', 'waiver', 'directive', 'guidance',
  'inventory', 'watchdog', 'biometrics', 'privacy', 'oversight', 'accountability', 'encryption', 'telemetry', 'surveillance', 'ownership',
];
const ADJECTIVES = [
  'sensitive', 'critical', 'public', 'federal', 'municipal', 'national', 'independent', 'mandatory', 'voluntary', 'phased', 'immediate',
  'partial', 'temporary', 'binding', 'detailed', 'classified', 'published', 'contested',
];
const PUBLISHERS = [
  'Official Gazette', 'Ministry of the Interior', 'Federal Register', 'Parliamentary Record', 'Procurement Office', 'Security Agency',
  'Daily Chronicle', 'Tech Policy Review', 'Civil Liberties Monitor', 'Surveillance Industry Weekly', 'Public Broadcaster', 'Investigative Desk',
];
const DATE_KINDS = ['announced', 'effective', 'reported', 'published', 'adopted'] as const;
const VERIFICATION = ['confirmed', 'confirmed', 'confirmed', 'reported', 'disputed'] as const;

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pickSome = <T>(random: Random, items: readonly T[], low: number, high: number): T[] => {
  const pool = [...items];
  const out: T[] = [];
  const n = Math.min(pool.length, between(random, low, high));
  for (let i = 0; i < n; i += 1) out.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return out;
};
const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const vendorName = (id: string) => id.split('-').map(capitalise).join(' ');

function sentence(random: Random, vendors: readonly string[]): string {
  const vendor = vendors.length > 0 ? vendorName(pick(random, vendors)) : 'the manufacturer';
  const templates = [
    () => `${capitalise(pick(random, ACTORS))} ${pick(random, VERBS)} ${pick(random, OBJECTS)}, citing ${pick(random, REASONS)}.`,
    () => `The ${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} covered ${pick(random, OBJECTS)} supplied by ${vendor} and its resellers.`,
    () => `${vendor} said in a statement that its products comply with local law and that it does not control customer data.`,
    () => `Officials said the ${pick(random, NOUNS)} followed ${pick(random, REASONS)} and would be reviewed within a year.`,
    () => `Critics argued that the ${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} left ${pick(random, OBJECTS)} in place at many sites.`,
    () => `An audit found ${between(random, 2, 900)} devices from ${vendor} on the ${pick(random, ADJECTIVES)} estate, several with outdated firmware.`,
    () => `The measure did not name ${vendor} directly, but reporting at the time linked it to ${pick(random, REASONS)}.`,
    () => `${capitalise(pick(random, ACTORS))} later published its ${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} report on ${pick(random, OBJECTS)}.`,
    () => `Suppliers were given until the end of the year to disclose the origin of ${pick(random, OBJECTS)} and their ${pick(random, NOUNS)} arrangements.`,
  ];
  return pick(random, templates)();
}

function paragraphs(random: Random, vendors: readonly string[], minWords: number, maxWords: number): string {
  const target = between(random, minWords, maxWords);
  const out: string[] = [];
  let words = 0;
  while (words < target) {
    const sentences: string[] = [];
    const n = between(random, 3, 6);
    for (let i = 0; i < n && words < target; i += 1) {
      const s = sentence(random, vendors);
      sentences.push(s);
      words += s.split(/\s+/).length;
    }
    out.push(sentences.join(' '));
  }
  return out.join('\n\n');
}

/** The main date of an entry in one of the three precisions, and the day it stands for. */
function eventDate(random: Random, lastDay: number): { date: string; day: number } {
  const day = FIRST_DAY + Math.floor(random() * ((lastDay - FIRST_DAY) / DAY_MS + 1)) * DAY_MS;
  const iso = toDay(day);
  const roll = random();
  if (roll < 0.7) return { date: iso, day };
  if (roll < 0.9) return { date: iso.slice(0, 7), day: dayMs(`${iso.slice(0, 7)}-01`) };
  return { date: iso.slice(0, 4), day: dayMs(`${iso.slice(0, 4)}-01-01`) };
}

const precisionOf = (date: string) => (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day');
const dayAfter = (random: Random, from: number, lastDay: number, maxDays: number) => toDay(Math.min(lastDay, from + between(random, 0, maxDays) * DAY_MS));

const frontMatterFile = (data: Record<string, unknown>, body: string) => `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;

/**
 * Generates `count` entries, the sources they cite and about one measure per 20 entries, as MDX
 * and YAML files of a content tree (`entries/<id>.mdx`, `sources/<id>.yaml`,
 * `measures/<id>.yaml`). Pure: the same options give the same files.
 */
export function synthesize(options: SynthOptions): SynthFile[] {
  const { count, seed, today, vendors, jurisdictions, bodies } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, not ${count}`);
  if (jurisdictions.length === 0) throw new Error('at least one jurisdiction is needed');
  const lastDay = dayMs(today) - DAY_MS;
  if (Number.isNaN(lastDay) || lastDay < FIRST_DAY) throw new Error(`today must be an ISO day after 2015-01-01, not "${today}"`);
  const random = createRandom(seed);

  // First pass: dates, titles and unique ids, so that related references can point anywhere.
  const used = new Set<string>();
  const heads = Array.from({ length: count }, () => {
    const { date, day } = eventDate(random, lastDay);
    const actor = pick(random, ACTORS);
    const title = `${capitalise(actor)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}`;
    const base = `${date}-${slug(`${actor.replace(/^the |^a /, '')} ${pick(random, NOUNS)}`)}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return { id, date, day, title };
  });

  const files: SynthFile[] = [];
  const secondarySources: string[] = [];
  // A measure's stages rest on undisputed entries, as the evidence rule asks of a status in force.
  const disputed = new Set<string>();
  heads.forEach((head, index) => {
    const entryVendors = random() < 0.75 ? pickSome(random, vendors, 1, 2) : [];
    const published = dayAfter(random, head.day, lastDay, 90);
    const publishedMs = dayMs(published);

    const sources: string[] = [];
    const nSecondary = between(random, 0, 2);
    for (let k = 0; k <= nSecondary; k += 1) {
      const kind = k === 0 ? 'primary' : 'secondary';
      const publisher = pick(random, PUBLISHERS);
      const id = `${slug(publisher)}-${String(index + 1).padStart(5, '0')}-${k + 1}`;
      const sourcePublished = dayAfter(random, head.day, lastDay, 20);
      const source: Record<string, unknown> = {
        title: `${capitalise(pick(random, ADJECTIVES))} ${pick(random, NOUNS)} on ${pick(random, OBJECTS)}`,
        publisher,
        published: sourcePublished,
        url: `https://${slug(publisher)}.example/${head.date.slice(0, 4)}/${id}`,
        accessed: dayAfter(random, dayMs(sourcePublished), lastDay, 60),
        kind,
      };
      files.push({ path: `sources/${id}.yaml`, text: stringify(source, { lineWidth: 0 }) });
      sources.push(id);
      if (kind === 'secondary') secondarySources.push(id);
    }
    // Some entries also cite a report that an earlier entry cites (secondary, so it goes last).
    if (random() < 0.15 && secondarySources.length > nSecondary) {
      const shared = pick(random, secondarySources.slice(0, secondarySources.length - nSecondary));
      if (!sources.includes(shared)) sources.push(shared);
    }

    const data: Record<string, unknown> = {
      title: head.title,
      summary: `${sentence(random, entryVendors)} ${sentence(random, entryVendors)}`,
      date: head.date,
      datePrecision: precisionOf(head.date),
    };
    if (random() < 0.1) data['endDate'] = dayAfter(random, head.day, lastDay, 400);
    if (random() < 0.3) data['dates'] = [{ kind: pick(random, DATE_KINDS), date: dayAfter(random, head.day, lastDay, 200) }];
    data['category'] = pick(random, CATEGORY_IDS);
    data['jurisdictions'] = pickSome(random, jurisdictions, 1, 2);
    if (entryVendors.length > 0) data['vendors'] = Object.fromEntries(entryVendors.map((id) => [id, random() < 0.8 ? 'named' : 'context']));
    const entryBodies = pickSome(random, bodies, 0, 2);
    if (entryBodies.length > 0) data['bodies'] = entryBodies;
    data['sources'] = sources;
    const verification = pick(random, VERIFICATION);
    if (verification === 'disputed') disputed.add(head.id);
    data['verification'] = verification;
    // A reported or disputed event says so in its summary, as the editorial rules ask.
    if (verification === 'reported') data['summary'] = `${String(data['summary'])} It was reported but not confirmed.`;
    if (verification === 'disputed') data['summary'] = `${String(data['summary'])} The account is disputed.`;
    data['verificationNote'] = verification === 'confirmed'
      ? 'The primary record is published and its date matches the reporting.'
      : 'Only press reports describe the measure; no official text has been found.';
    if (random() < 0.1) {
      data['clarifications'] = [{ claim: `The measure banned every ${pick(random, OBJECTS)} in the country.`, fact: 'It applied to the sites and bodies it named only.' }];
    }
    // A relation is written once, so each entry only points at entries generated before it.
    if (index > 0 && random() < 0.6) {
      const related = new Map<string, string>();
      for (let r = between(random, 1, 3); r > 0; r -= 1) {
        const other = heads[Math.floor(random() * index)];
        if (other) related.set(other.id, pick(random, RELATION_TYPE_IDS));
      }
      data['related'] = [...related].map(([entry, type]) => ({ entry, type }));
    }
    data['published'] = published;
    const first = { ...data };
    let corrected = false;
    if (random() < 0.2) {
      const updated = dayAfter(random, publishedMs, lastDay, 300);
      data['updated'] = updated;
      if (random() < 0.3) {
        data['corrections'] = [{ date: updated, note: `An earlier version gave the wrong ${pick(random, NOUNS)} date; it now matches the primary source.` }];
        corrected = true;
      }
    }
    const body = paragraphs(random, entryVendors, 150, 400);
    // A corrected entry keeps its first version as a snapshot, as `npm run revise` makes it.
    if (corrected) files.push({ path: `versions/${head.id}/1.mdx`, text: frontMatterFile(first, body) });
    files.push({ path: `entries/${head.id}.mdx`, text: frontMatterFile(data, body) });
  });

  // One measure for about every 20 entries, its stages taken from entries in date order.
  const STAGES = ['adopted', 'in-force', 'expanded', 'challenged', 'upheld'] as const;
  const SYNTH_STATUSES = ['in-force', 'partly-in-force', 'challenged', 'proposed', 'unconfirmed'] as const;
  const sortKey = (date: string) => `${date}-00-00`.slice(0, 10);
  for (let m = 0; m < Math.ceil(count / 20); m += 1) {
    const stageable = heads.filter((h) => !disputed.has(h.id));
    const stageHeads = pickSome(random, stageable, 1, Math.min(4, stageable.length)).sort((a, b) => (sortKey(a.date) < sortKey(b.date) ? -1 : sortKey(a.date) > sortKey(b.date) ? 1 : 0));
    const measureVendors = random() < 0.7 ? pickSome(random, vendors, 1, 2) : [];
    const measure: Record<string, unknown> = {
      name: `${capitalise(pick(random, ADJECTIVES))} ${pick(random, NOUNS)} on ${pick(random, OBJECTS)}`,
      shortName: `Measure ${m + 1}`,
      aliases: [`M-${String(m + 1).padStart(3, '0')}`],
      jurisdiction: pick(random, jurisdictions),
      issuedBy: bodies.length > 0 ? [pick(random, bodies)] : [],
      kind: pick(random, MEASURE_KIND_IDS),
      scope: sentence(random, measureVendors),
      ...(measureVendors.length > 0 ? { vendors: measureVendors } : { criterion: `Makers of ${pick(random, OBJECTS)} subject to a foreign intelligence law.` }),
      binds: pick(random, MEASURE_BINDS_IDS),
      // Statuses that the stages below (adoption, entry into force, …) can carry under the evidence rule.
      status: pick(random, SYNTH_STATUSES),
      statusAsOf: toDay(lastDay),
      statusNote: `${capitalise(pick(random, ADJECTIVES))} according to the record.`,
      stages: stageHeads.map((h, i) => ({ date: h.date, stage: STAGES[Math.min(i, STAGES.length - 1)], entry: h.id })),
    };
    files.push({ path: `measures/synthetic-measure-${m + 1}.yaml`, text: stringify(measure, { lineWidth: 0 }) });
  }
  return files;
}

const idsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort() : []);

/**
 * Writes a synthetic content tree to `dir`: the real vendors, jurisdictions, bodies and synonym
 * table copied from `realContentDir`, and `count` generated entries with their sources.
 * Returns the numbers of entries and sources written.
 */
export function writeSyntheticContent(
  dir: string,
  options: { count: number; seed: number; today: string; realContentDir: string },
): { entries: number; sources: number } {
  for (const folder of ['vendors', 'jurisdictions', 'bodies']) {
    const from = join(options.realContentDir, folder);
    if (existsSync(from)) cpSync(from, join(dir, folder), { recursive: true });
    else mkdirSync(join(dir, folder), { recursive: true });
  }
  // The synonym table too, so that the index and the result data carry what the real site's do.
  const synonyms = join(options.realContentDir, 'synonyms.yaml');
  if (existsSync(synonyms)) cpSync(synonyms, join(dir, 'synonyms.yaml'));
  const files = synthesize({
    count: options.count,
    seed: options.seed,
    today: options.today,
    vendors: idsIn(join(dir, 'vendors')),
    jurisdictions: idsIn(join(dir, 'jurisdictions')),
    bodies: idsIn(join(dir, 'bodies')),
  });
  mkdirSync(join(dir, 'entries'), { recursive: true });
  mkdirSync(join(dir, 'sources'), { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return {
    entries: files.filter((f) => f.path.startsWith('entries/')).length,
    sources: files.filter((f) => f.path.startsWith('sources/')).length,
  };
}
