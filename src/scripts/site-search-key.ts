/**
 * The header's search box: "/" moves focus to the page's search box from anywhere on the page,
 * unless the reader is already typing into a field; and the first time the header box gains
 * focus, Pagefind is fetched and started in the background, so that its files are in the
 * browser's cache when the search page runs the query.
 */
import { pagefindOptions } from '../lib/search/pagefind-options.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const box = document.querySelector<HTMLInputElement>('[data-search-primary]') ?? document.querySelector<HTMLInputElement>('[data-site-search]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

const headerBox = document.querySelector<HTMLInputElement>('[data-site-search]');

// The "/" shortcut is worth a mention only where there is a keyboard to press it with: a fine
// pointer that can hover stands for a desktop; a phone keeps the plain placeholder.
if (headerBox && matchMedia('(hover: hover) and (pointer: fine)').matches) headerBox.placeholder = 'Search (press /)';
let preloaded = false;

/** Loads pagefind.js and its index metadata once; the search page itself loads it on its own. */
function preloadPagefind(): void {
  if (preloaded || document.querySelector('[data-search-primary]')) return;
  preloaded = true;
  const action = headerBox?.form?.getAttribute('action');
  if (!action) return;
  // The index sits beside the search page: <base>/pagefind/ next to <base>/search/.
  const url = new URL('../pagefind/pagefind.js', new URL(action, location.href)).href;
  const base = new URL('../', new URL(action, location.href)).pathname;
  import(/* @vite-ignore */ url)
    .then(async (pagefind: { options: (o: object) => Promise<void>; init: () => Promise<void> }) => {
      await pagefind.options(pagefindOptions(base));
      await pagefind.init();
    })
    .catch(() => {
      // A failed preload costs nothing: the search page loads Pagefind again when it runs.
    });
}

headerBox?.addEventListener('focus', preloadPagefind, { once: true });
