/** Words that a page's layout cuts across two lines, read in the browser. */
import type { Page } from 'playwright-core';

/**
 * The words in the elements `selector` matches that are cut across two lines ("Procureme / nt"):
 * each word's text should lie on one line. A line may break after a hyphen, a dash or a slash, so
 * the words between them are checked. Cells of a table heading that a phone hides in a box of one
 * pixel are left out.
 */
export async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => {
    const broken: string[] = [];
    for (const element of elements) {
      const head = element.closest('thead');
      if (head && getComputedStyle(head).clipPath !== 'none') continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/[^\s\-–—/]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  });
}
