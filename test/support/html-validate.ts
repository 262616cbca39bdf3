/**
 * HTML validity without a JVM: html-validate with the rules of the HTML standard (its `standard`
 * preset: content models, nesting and required children, unclosed and misnested elements, void
 * elements, attribute names and allowed values, duplicate attributes and ids, valid ids, ARIA
 * misuse, character references), the document-level checks the Nu Html Checker also makes (a
 * doctype, references by id that point nowhere, a non-empty title, attributes that do not fit an
 * input's type), and three project rules for the micro-syntaxes the Nu checker validates and
 * html-validate does not: `<time datetime>` values, language tags and URLs.
 */
import { HtmlValidate, Rule, definePlugin, type AttributeEvent, type ConfigData, type Report, type RuleDocumentation } from 'html-validate';

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A valid date string (YYYY-MM-DD, year 1 or later), with the calendar's days per month. */
function validDate(value: string): boolean {
  const m = /^(\d{4,})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= (year > 275759 ? 31 : daysIn(year, month));
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/;
const OFFSET = /^(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** A valid date string with optional time (what `<ins>` and `<del>` take). */
function validDateWithOptionalTime(value: string): boolean {
  if (validDate(value)) return true;
  const m = /^(\d{4,}-\d{2}-\d{2})[T ](.+?)(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  return !!m && validDate(m[1] ?? '') && TIME.test(m[2] ?? '') && OFFSET.test(m[3] ?? '');
}

/** A valid `<time datetime>` value: HTML's year, month, date, yearless date, time, date and time, offset, week or duration. */
export function validTimeDatetime(value: string): boolean {
  if (/^\d{4,}$/.test(value)) return Number(value) > 0;
  const month = /^(\d{4,})-(\d{2})$/.exec(value);
  if (month) return Number(month[1]) > 0 && Number(month[2]) >= 1 && Number(month[2]) <= 12;
  if (validDate(value)) return true;
  const yearless = /^(?:--)?(\d{2})-(\d{2})$/.exec(value);
  if (yearless) {
    const [mm, dd] = [Number(yearless[1]), Number(yearless[2])];
    return mm >= 1 && mm <= 12 && dd >= 1 && dd <= daysIn(2000, mm);
  }
  if (TIME.test(value) || OFFSET.test(value)) return true;
  const dateTime = /^(\d{4,}-\d{2}-\d{2})[T ]([\d:.]+)(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (dateTime) return validDate(dateTime[1] ?? '') && TIME.test(dateTime[2] ?? '') && (dateTime[3] === undefined || OFFSET.test(dateTime[3]));
  const week = /^(\d{4,})-W(\d{2})$/.exec(value);
  if (week) return Number(week[1]) > 0 && Number(week[2]) >= 1 && Number(week[2]) <= 53;
  // Durations: ISO 8601 (P1DT2H3M4.5S, no years or months) or HTML's "1d 2h 3m 4s" form.
  if (/^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?)?$/.test(value)) return true;
  return /^\s*(\d+(\.\d{1,3})?\s*[WwDdHhMmSs]\s*)+$/.test(value);
}

/** A well-formed BCP 47 language tag (RFC 5646 syntax; the subtags are not looked up in the registry). */
export function validLanguageTag(value: string): boolean {
  const langtag =
    /^[a-z]{2,3}(-[a-z]{3}){0,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*(-[\da-wy-z](-[a-z\d]{2,8})+)*(-x(-[a-z\d]{1,8})+)?$/i;
  return langtag.test(value) || /^x(-[a-z\d]{1,8})+$/i.test(value) || /^[a-z]{4,8}$/i.test(value);
}

/** A URL the Nu checker accepts: parses, and holds no space, control character or character URLs must escape. */
export function validUrl(value: string): boolean {
  const url = value.trim();
  // A URL may contain no C0 control character or DEL, which is what this class looks for.
  // oxlint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f"<>\\^`{|}]/.test(url)) return false;
  if (/%(?![\da-f]{2})/i.test(url)) return false;
  return URL.canParse(url, 'https://example.invalid/');
}

// Values computed by a template engine (DynamicValue) never occur in built files; only plain strings are checked.
const staticValue = (event: AttributeEvent) => (typeof event.value === 'string' ? event.value : null);

/** Reports an attribute whose value fails a check; subclasses say which attributes and which check. */
abstract class AttributeValueRule extends Rule {
  protected abstract readonly what: string;
  protected abstract applies(tag: string, attribute: string): boolean;
  protected abstract valid(value: string, tag: string): boolean;

  override documentation(): RuleDocumentation {
    return { description: `The attribute's value must be ${this.what}.` };
  }

  override setup(): void {
    this.on('attr', (event: AttributeEvent) => {
      const value = staticValue(event);
      if (value === null || !this.applies(event.target.tagName, event.key.toLowerCase()) || this.valid(value, event.target.tagName)) return;
      this.report({
        node: event.target,
        message: `Bad value "${value}" for attribute "${event.key}" on <${event.target.tagName}>: not ${this.what}`,
        location: event.valueLocation ?? event.location,
      });
    });
  }
}

class TimeDatetime extends AttributeValueRule {
  protected readonly what = 'a valid date or time string';
  protected applies(tag: string, attribute: string) {
    return attribute === 'datetime' && (tag === 'time' || tag === 'ins' || tag === 'del');
  }
  protected valid(value: string, tag: string) {
    return tag === 'time' ? validTimeDatetime(value) : validDateWithOptionalTime(value);
  }
}

class LanguageTag extends AttributeValueRule {
  protected readonly what = 'a well-formed BCP 47 language tag';
  protected applies(_tag: string, attribute: string) {
    return attribute === 'lang' || attribute === 'hreflang' || attribute === 'srclang' || attribute === 'xml:lang';
  }
  protected valid(value: string) {
    // An empty lang means "unknown language", which HTML allows; hreflang and srclang must not be empty.
    return value === '' || validLanguageTag(value);
  }
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  href: ['a', 'area', 'link', 'base'],
  src: ['img', 'script', 'iframe', 'audio', 'video', 'source', 'track', 'embed', 'input'],
  action: ['form'],
  formaction: ['button', 'input'],
  cite: ['blockquote', 'q', 'ins', 'del'],
  poster: ['video'],
  data: ['object'],
};

class UrlValue extends AttributeValueRule {
  protected readonly what = 'a valid URL';
  protected applies(tag: string, attribute: string) {
    return URL_ATTRIBUTES[attribute]?.includes(tag) ?? false;
  }
  protected valid(value: string) {
    return validUrl(value);
  }
}

const plugin = definePlugin({
  name: 'tl',
  rules: { 'tl/time-datetime': TimeDatetime, 'tl/language-tag': LanguageTag, 'tl/url': UrlValue },
});

/** The configuration the build's HTML is held to. */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  root: true,
  plugins: [plugin],
  extends: ['html-validate:standard'],
  rules: {
    // Document-level checks the Nu checker makes as well.
    'missing-doctype': 'error',
    'no-missing-references': 'error',
    'empty-title': 'error',
    'input-attributes': 'error',
    // The standard preset turns this on, but Subresource Integrity is a choice for resources from
    // other origins, not a rule of HTML: this site loads only its own files, from its own origin.
    'require-sri': 'off',
    'tl/time-datetime': 'error',
    'tl/language-tag': 'error',
    'tl/url': 'error',
  },
};

/** One validator for the whole run (html-validate caches its configuration per instance). */
export const htmlValidator = new HtmlValidate(HTML_VALIDATE_CONFIG);

/** The errors of one report, one line each: `file:line:column: message (rule)`. */
export function reportLines(report: Report, name: (filePath: string) => string = (f) => f): string[] {
  return report.results.flatMap((result) => result.messages.map((m) => `${name(result.filePath)}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`));
}
