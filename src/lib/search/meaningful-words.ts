/**
 * A question typed as a sentence ("why did China ban Tesla cars?") finds nothing when every word
 * must match, as Pagefind's do: no page holds "why" and "did" beside the words that matter. The
 * search page then searches the meaningful words alone and says so.
 */

/**
 * Question words, auxiliaries, pronouns, articles, prepositions and conjunctions: words that say
 * how a question is asked, not what it is about. "not" and "no" are kept out of the list, since a
 * reader who types them means them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be been before being below between both but by can
  could did do does doing done during each either for from further had has have having he her here hers him his how i
  if in into is it its itself just let me more most my neither nor of off on once only or other our ours out over own
  same shall she should so some such than that the their theirs them then there these they this those through to too
  under until up upon very was we were what whats when where whether which while who whom whose why will with would
  you your yours yet ever still also
  tell show find give explain know`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/**
 * The query without its stop words, or `undefined` when it has none to drop or nothing else. A
 * word written in capitals is an abbreviation, not a stop word ("US", "IT", "WHO").
 * @example meaningfulWords('why did China ban Tesla cars?') // 'China ban Tesla cars'
 * @example meaningfulWords('did the US ban Hikvision') // 'US ban Hikvision'
 * @example meaningfulWords('Hikvision') // undefined
 */
export function meaningfulWords(query: string): string | undefined {
  const words = query
    .replace(/[?!,;:]+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  const isStop = (word: string) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (bare.length > 1 && bare === bare.toUpperCase() && bare !== bare.toLowerCase()) return false;
    return STOP_WORDS.has(bare.toLowerCase().replace(/['’]/g, ''));
  };
  const kept = words.filter((w) => !isStop(w));
  return kept.length === 0 || kept.length === words.length ? undefined : kept.join(' ');
}
