/**
 * The words the search index holds for a page beside its text, worked out at build time: an
 * entry's dates in every written form, the names it concerns, its aliases with document numbers in
 * both spellings, and the synonyms of its title's words. The components that write a page's
 * hidden search metadata (`EntrySearchMeta`, `VendorSearchMeta`, `MeasureSearchMeta`) call these;
 * nothing here ships to the browser.
 */
import { searchableDateForms } from '../model/dates.ts';

/**
 * The date forms an entry is found by: the indexed forms of each of its dates, de-duplicated.
 * @example entryDateTerms(['2021-03']) // ['March 2021', 'Mar', '2021-03']
 */
export function entryDateTerms(dates: readonly string[]): string[] {
  return [...new Set(dates.flatMap((d) => searchableDateForms(d)))];
}

/**
 * A company's names without those that add a place to it ("Hikvision UK", "Hikvision Canada"):
 * the subsidiaries' names find the company's own page, but on an entry they would make every
 * entry about the company match "UK" or "Canada", whatever country the entry concerns.
 * @example withoutPlaceNames(['Hik Vision', 'Hikvision UK'], ['UK', 'United Kingdom']) // ['Hik Vision']
 */
export function withoutPlaceNames(names: readonly string[], places: readonly string[]): string[] {
  const padded = places.map((p) => ` ${p.toLowerCase()} `);
  return names.filter((name) => !padded.some((place) => ` ${name.toLowerCase()} `.includes(place)));
}

/**
 * Joins names into one space-separated run of searchable words, each Chinese name kept as a
 * separate word: on an English page Pagefind indexes a run of Chinese characters as a single
 * word, so "海康威视" must stand alone to be found inside "杭州海康威视数字技术股份有限公司".
 * A name whose words all stand, in order and in any case, inside another name is left out: the
 * search finds the same words in the longer name, and every byte here is sent with each result.
 * @example searchableNames(['Hikvision', '海康威视', 'Hikvision']) // 'Hikvision 海康威视'
 * @example searchableNames(['Hikvision', 'HIKVISION', 'Hangzhou Hikvision']) // 'Hangzhou Hikvision'
 */
export function searchableNames(names: readonly (string | undefined)[]): string {
  const cleaned = names.map((n) => n?.replace(/\s+/g, ' ').trim() ?? '').filter((n) => n !== '');
  const padded = cleaned.map((n) => ` ${n.toLowerCase()} `);
  return cleaned
    .filter((_, i) => !padded.some((other, j) => j !== i && other.includes(padded[i]!) && (other !== padded[i] || j < i)))
    .join(' ');
}

/** A document number: a short name and a number, apart or run together ("EO 14032", "HCWS386", "FCC 22-84"). */
const DOCUMENT_NUMBER = /^(\p{L}+) ?(\p{N}[\p{N}-]*)$/u;

/**
 * The searchable form of a record's aliases (an entry's, or any other record's abbreviations and
 * document numbers): each alias, and a document number also in its other spelling, run together or
 * apart ("EO 14032" and "EO14032", "HCWS386" and "HCWS 386"), since Pagefind reads the two as
 * different words. Duplicates, in any case, are left out.
 * @example aliasTerms(['NDAA', 'EO 14032', 'HCWS386']) // 'NDAA EO 14032 EO14032 HCWS386 HCWS 386'
 */
export function aliasTerms(aliases: readonly string[]): string {
  const forms = aliases.flatMap((alias) => {
    const a = alias.replace(/\s+/g, ' ').trim();
    const number = DOCUMENT_NUMBER.exec(a);
    return number ? [a, `${number[1]}${number[2]}`, `${number[1]} ${number[2]}`] : [a];
  });
  const seen = new Set<string>();
  return forms.filter((f) => f !== '' && !seen.has(f.toLowerCase()) && seen.add(f.toLowerCase())).join(' ');
}

/** Endings a word of a synonym may take in a text: "ban" is used by "bans", "banned", "banning". */
const ENDINGS = ['', 's', 'es', 'ed', 'd', 'ing', 'ion', 'ions', 'al', 'ment', 'ments'];

/** Whether a word of a text is a form of a word of a synonym term. */
function isFormOf(word: string, stem: string): boolean {
  if (word === stem) return true;
  // "remove" → "removal", "removing": a final e drops before an ending.
  const bases = stem.endsWith('e') ? [stem, stem.slice(0, -1)] : [stem, `${stem}${stem.at(-1)}`];
  return bases.some((base) => word.startsWith(base) && ENDINGS.includes(word.slice(base.length)));
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];

/**
 * The synonyms a record is also found by: for every group of which its text (an entry's title,
 * summary and aliases) uses a term, in any of its usual forms, the group's other terms. So an
 * entry that says "stop deploying" is found by "ban", and one that says "Uighur" by "Uyghur".
 * @example synonymTerms(['UK tells departments to stop deploying cameras'], [{ terms: ['ban', 'restrict', 'stop deploying'] }]) // 'ban restrict'
 */
export function synonymTerms(texts: readonly string[], groups: readonly { terms: readonly string[] }[]): string {
  const words = texts.flatMap(wordsOf);
  const uses = (term: string) => {
    const parts = wordsOf(term);
    return parts.length > 0 && words.some((_, i) => parts.every((p, j) => words[i + j] !== undefined && isFormOf(words[i + j]!, p)));
  };
  const out = new Set<string>();
  for (const { terms } of groups) {
    const used = terms.filter(uses);
    if (used.length === 0) continue;
    for (const term of terms) if (!used.includes(term)) out.add(term);
  }
  return [...out].join(' ');
}

/**
 * Document references as the pages write them: Federal Register citations and document numbers,
 * FCC orders and dockets, executive orders, public laws, the US Code and the CFR, bill sections,
 * UK written statements. Each pattern is a whole reference, so a page is found by exactly the
 * reference it shows.
 */
const DOCUMENT_REFERENCES: readonly RegExp[] = [
  /\b\d{1,3} FR \d{2,6}\b/g,
  /\bFR Doc\.? \d{4}-\d{3,6}\b/g,
  /\b(?:FCC|DA) \d{2}-\d{1,4}\b/g,
  /\b(?:[A-Z]{2} )?Docket No\.? \d{2}-\d{1,4}\b/g,
  /\b(?:Executive Order|EO|E\.O\.) ?1\d{4}\b/g,
  /\b(?:Pub\. ?L\.|Public Law|P\.L\.) ?\d{2,3}-\d{1,4}\b/g,
  /\b\d{1,2} U\.S\.C\. §? ?\d+[a-z]?\b/g,
  /\b\d{1,2} CFR (?:Part )?\d+(?:\.\d+)?\b/g,
  /\bSection \d{3,4}\b/g,
  /\bHCWS ?\d{2,4}\b/g,
];

/**
 * The document references in some texts (the titles and notes of the sources a page cites, which
 * the index skips as a block), each once, in the order found.
 * @example documentReferences(['Protecting Against National Security Threats, 90 FR 53227 (FR Doc. 2025-21001)']) // ['90 FR 53227', 'FR Doc. 2025-21001']
 */
export function documentReferences(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const pattern of DOCUMENT_REFERENCES) for (const [reference] of text.matchAll(pattern)) found.push(reference.replace(/\s+/g, ' '));
  }
  return [...new Set(found)];
}
