/**
 * Marks the words of `?highlight=` inside the page's indexed body, says how many were found, and
 * removes the marks (and the parameter from the address) when the reader dismisses the bar.
 */
const bar = document.querySelector<HTMLElement>('[data-search-highlight]');
const terms = new URLSearchParams(location.search).getAll('highlight').map((t) => t.trim()).filter((t) => t.length > 0);
const root = document.querySelector<HTMLElement>('[data-pagefind-body]');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wraps every occurrence of the terms in text nodes under `root` in `<mark class="search-hit">`. */
function markTerms(container: HTMLElement, words: string[]): HTMLElement[] {
  // Longest first, so "Hikvision" wins over "Hik"; a word matches at a word start, as Pagefind does.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${[...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`, 'giu');
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [hidden], mark')) return NodeFilter.FILTER_REJECT;
      // The headline is left out of the index only so that excerpts do not repeat it; it is still
      // what the reader reads first, so its words are marked too.
      const ignored = parent.closest('[data-pagefind-ignore]');
      if (ignored && !ignored.matches('h1')) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    pattern.lastIndex = 0;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      fragment.append(text.slice(last, start));
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = match[0];
      fragment.append(mark);
      marks.push(mark);
      last = start + match[0].length;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return marks;
}

function unmark(marks: HTMLElement[]): void {
  for (const mark of marks) mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
  root?.normalize();
}

if (bar && root && terms.length > 0) {
  const marks = markTerms(root, terms);
  const text = bar.querySelector('[data-highlight-text]');
  const quoted = terms.map((t) => `“${t}”`).join(', ');
  if (text) text.textContent = marks.length > 0 ? `Highlighting ${marks.length} ${marks.length === 1 ? 'match' : 'matches'} for ${quoted}.` : `No visible matches for ${quoted} on this page.`;
  bar.hidden = false;
  bar.querySelector('[data-highlight-dismiss]')?.addEventListener('click', () => {
    unmark(marks);
    bar.hidden = true;
    const url = new URL(location.href);
    url.searchParams.delete('highlight');
    history.replaceState(history.state, '', url);
    document.getElementById('main')?.focus();
  });
}
