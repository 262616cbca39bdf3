/**
 * `<tl-cite>`: puts the reader's own today in place of the build date in every citation, and
 * reveals copy buttons once it can copy. Without it the citations, the build date and the
 * download links are all there; only the buttons stay hidden.
 */
import { formatCitationDate, type AccessedStyle } from '../lib/citation/citation.ts';

const STYLES: readonly string[] = ['long', 'mla', 'iso', 'ris', 'csl', 'prose'];

/** The reader's calendar day, in their own time zone, as `YYYY-MM-DD`. */
function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An element's text; HTML turns CRLF into LF, and RIS wants its CRLF back. */
function textOf(element: HTMLElement, crlf: boolean): string {
  const text = element.textContent ?? '';
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}

class CiteBox extends HTMLElement {
  /** Each button pressed: its own word (as the markup writes it) and the timer that puts it back. */
  private readonly shown = new Map<HTMLButtonElement, { word: string; reset?: ReturnType<typeof setTimeout> }>();

  connectedCallback(): void {
    const today = localDay(new Date());
    // Every access date on the page, including the print-only "Retrieved" line outside the box.
    for (const el of document.querySelectorAll<HTMLElement>('[data-accessed]')) {
      const style = el.dataset['accessed'] ?? '';
      if (STYLES.includes(style)) el.textContent = formatCitationDate(today, style as AccessedStyle);
      if (el instanceof HTMLTimeElement) el.dateTime = today;
    }
    // Downloads are data: URLs built with the build day; remake each from the text shown, which
    // now carries the reader's day, at the moment it is clicked.
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[data-download-from]')) {
      link.addEventListener('click', () => {
        const source = document.getElementById(link.dataset['downloadFrom'] ?? '');
        if (!source) return;
        const text = textOf(source, link.dataset['eol'] === 'crlf');
        link.href = `${link.href.slice(0, link.href.indexOf(',') + 1)}${encodeURIComponent(text)}`;
      });
    }
    const status = this.querySelector<HTMLElement>('[data-cite-status]');
    if (!status || !navigator.clipboard) return;
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
      button.addEventListener('click', () => void this.copy(button, status));
      button.hidden = false;
    }
    for (const input of this.querySelectorAll<HTMLInputElement>('input[readonly]')) input.addEventListener('focus', () => input.select());
  }

  private async copy(button: HTMLButtonElement, status: HTMLElement): Promise<void> {
    const target = document.getElementById(button.dataset['copy'] ?? '');
    if (!target) return;
    const text = target instanceof HTMLInputElement ? target.value : textOf(target, button.dataset['eol'] === 'crlf');
    const label = button.dataset['label'] ?? 'Text';
    try {
      if (button.dataset['rich'] !== undefined && typeof ClipboardItem !== 'undefined') {
        const blob = (type: string, body: string) => new Blob([body], { type });
        await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob('text/plain', text), 'text/html': blob('text/html', target.innerHTML) })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      this.say(status, `${label} copied.`);
      this.show(button, 'Copied');
    } catch {
      this.say(status, `Could not copy. Select the ${label.toLowerCase()} and copy it.`);
      this.show(button, 'Not copied');
    }
  }

  /**
   * Shows what happened on the button itself for a moment: the live region at the foot of the box
   * says it to screen readers, but can be a screen away from the button a sighted reader pressed.
   */
  private show(button: HTMLButtonElement, word: string): void {
    const text = button.firstChild;
    if (!(text instanceof Text)) return;
    const state = this.shown.get(button) ?? { word: text.data };
    this.shown.set(button, state);
    clearTimeout(state.reset);
    text.data = word;
    state.reset = setTimeout(() => (text.data = state.word), 2500);
  }

  /** Empties the live region first, so the same message twice is announced twice. */
  private say(status: HTMLElement, message: string): void {
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = message));
  }
}

/**
 * Opens a folded cite box (an entry page's box for its current version, a `<details>`) that the
 * address points at, in browsers that do not open it themselves on a link to it.
 */
function openTarget(): void {
  // The box's id is plain ASCII: the fragment needs no decoding (and a malformed one cannot throw).
  const target = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
  if (target instanceof HTMLDetailsElement) target.open = true;
}

if (!customElements.get('tl-cite')) {
  customElements.define('tl-cite', CiteBox);
  openTarget();
  addEventListener('hashchange', openTarget);
}
