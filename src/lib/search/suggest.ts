/**
 * Misspellings corrected to the site's own words. Pagefind forgives some misspellings but not
 * others ("survelance" finds one stray match, "xinjang" nothing), and under deadline an empty page
 * reads as "not on the site". The build lists the words the site uses (`vocabulary`), split by
 * first letter (`vocabularyShard`) and served at `/search/terms/<letter>.json`, so that a search
 * fetches only the lists of its own words' letters; the search page corrects each word of the
 * query that the site does not use to the closest one it does (`suggestQuery`) and shows the
 * corrected query's results when they are more.
 */

/** Words shorter than this are neither corrected nor offered: too many short words are one edit apart. */
const MIN_LENGTH = 4;

/** A run of Latin letters, with an inner apostrophe ("Hancock's"). */
const WORD = /\p{Script=Latin}+(?:['’]\p{Script=Latin}+)*/gu;

/**
 * The site's words for suggestions, most frequent first, each in its most frequent spelling
 * ("Hikvision", not "HIKVISION"). Words of fewer than four letters are left out.
 * @example vocabulary(['Hikvision and Dahua', 'HIKVISION cameras']) // ['Hikvision', 'Dahua', 'cameras']
 */
export function vocabulary(texts: readonly string[]): string[] {
  const words = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const text of texts) {
    for (const [word] of text.matchAll(WORD)) {
      if (word.length < MIN_LENGTH) continue;
      const key = word.toLowerCase();
      const entry = words.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      entry.spellings.set(word, (entry.spellings.get(word) ?? 0) + 1);
      words.set(key, entry);
    }
  }
  const mostUsed = (spellings: Map<string, number>) => [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  return [...words.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([, { spellings }]) => mostUsed(spellings));
}

/**
 * The number of single-letter insertions, deletions, substitutions and swaps of neighbouring
 * letters that turn `a` into `b` (optimal string alignment), or `max + 1` once it is over `max`.
 * @example editDistance('hikvison', 'hikvision', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length]!, max + 1);
}

/**
 * The list a word belongs to: its first letter without accents, lower-cased, or `_` for a word
 * that starts with any other letter.
 * @example vocabularyShard('Émile') // 'e'
 * @example vocabularyShard('Łódź') // '_'
 */
export function vocabularyShard(word: string): string {
  const first = word.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toLowerCase();
  return /^[a-z]$/.test(first) ? first : '_';
}

/** Endings of English inflections and derivations ("bans", "banned", "banning", "removal"). */
const ENDINGS = ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'ion', 'ions', 'al', 'ment', 'ments', 'ly'];

/**
 * The bases a word may be a form of: itself, and the word less one ending, with a final `e` put
 * back or a doubled last letter undone ("banning" → "bann", "ban"; "removal" → "remov", "remove").
 * Two words share a base when one is a form of the other, which is how Pagefind's stemmer finds
 * "banning" in a text that says "banned".
 * @example [...basesOf('banning')] // ['banning', 'bann', 'banne', 'ban']
 */
export function basesOf(word: string): Set<string> {
  const lower = word.toLowerCase();
  const bases = new Set([lower]);
  // Two endings at most: "removals" is "removal" is "remove".
  let forms = [lower];
  for (let round = 0; round < 2; round++) {
    const next: string[] = [];
    for (const form of forms) {
      for (const ending of ENDINGS) {
        if (!form.endsWith(ending) || form.length - ending.length < 3) continue;
        const base = form.slice(0, -ending.length);
        next.push(base, `${base}e`);
        if (base.length > 3 && base.at(-1) === base.at(-2)) next.push(base.slice(0, -1));
      }
    }
    for (const base of next) bases.add(base);
    forms = next;
  }
  return bases;
}

/** How many edits a word of this length may be away from its correction. */
const allowance = (length: number) => (length <= 5 ? 1 : 2);

/**
 * The query with each word the site does not use replaced by the closest word it does (the most
 * frequent of equally close ones), or `undefined` when nothing could be corrected. Words that are
 * short, not Latin letters (numbers, Chinese names), known, a form of a known word ("banning" when
 * the site says "banned") or the start of a known word stay as typed.
 * @example suggestQuery('hikvison cameras', ['Hikvision', 'cameras']) // 'Hikvision cameras'
 */
export function suggestQuery(query: string, words: readonly string[]): string | undefined {
  const lowerWords = words.map((w) => w.toLowerCase());
  const known = new Set(lowerWords);
  const knownBases = new Set(lowerWords.flatMap((w) => [...basesOf(w)]));
  let changed = false;
  const corrected = query
    .trim()
    .split(/\s+/)
    .map((token) => {
      const lower = token.toLowerCase();
      if (lower.length < MIN_LENGTH || known.has(lower) || lower.replace(WORD, '') !== '') return token;
      // Pagefind reads a word as the start of longer ones: "Samp" is Sampson being typed, not a typo.
      if (lowerWords.some((w) => w.startsWith(lower))) return token;
      if ([...basesOf(lower)].some((b) => knownBases.has(b))) return token;
      const max = allowance(lower.length);
      let best: string | undefined;
      let bestDistance = max + 1;
      for (const [i, word] of lowerWords.entries()) {
        const d = editDistance(lower, word, Math.min(max, bestDistance - 1));
        if (d < bestDistance) {
          best = words[i];
          bestDistance = d;
          if (d === 1) break;
        }
      }
      if (best === undefined) return token;
      changed = true;
      return best;
    })
    .join(' ');
  return changed ? corrected : undefined;
}
