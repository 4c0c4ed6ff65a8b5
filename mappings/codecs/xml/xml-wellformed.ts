import { TradeError } from '../../../core/errors/trade-error';
import type { XmlLimits } from './xml-limits';
import { LineIndex } from './xml-location';

// XML names (ASCII subset strictly, any non-ASCII letter accepted as XML 1.0 5th edition does).
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*$/;
// Attribute section of a start tag: name="value" pairs with no '<' in values, then optional '/'.
const ATTRIBUTES = /^(?:\s+[^\s=/>"'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?$/;
const ATTRIBUTE_NAME = /\s([^\s=/>"'<]+)\s*=/g;

/**
 * One pass over the text that checks what fast-xml-parser lets through (end tags that do not
 * match, unclosed elements, bad names and attribute syntax, repeated attributes, several roots,
 * text outside the root) and enforces the depth, element and attribute limits while it walks,
 * so a hostile document stops at the first breach with its line, column and xpath.
 * Returns the offset of every start tag in document order, which the tree builder gives to the
 * elements it creates in the same order (cheaper than the parser's own metadata).
 */
export function checkWellFormed(text: string, limits: XmlLimits): number[] {
  return new WellFormedness(text, limits).run();
}

class WellFormedness {
  private readonly names: string[] = [];
  private readonly offsets: number[] = [];
  private readonly knownNames = new Set<string>();
  private readonly starts: number[] = [];
  private elements = 0;
  private rootClosed = false;

  constructor(
    private readonly text: string,
    private readonly limits: XmlLimits,
  ) {}

  run(): number[] {
    const text = this.text;
    let i = 0;
    for (let lt = text.indexOf('<'); lt !== -1; lt = text.indexOf('<', i)) {
      this.checkText(i, lt);
      const next = text.charCodeAt(lt + 1);
      if (next === 63 /* ? */) i = this.instruction(lt);
      else if (next === 33 /* ! */) i = this.section(lt);
      else if (next === 47 /* / */) i = this.endTag(lt);
      else i = this.startTag(lt);
    }
    this.checkText(i, text.length);
    if (this.names.length > 0) {
      this.fail(
        `element <${this.names[this.names.length - 1]}> is not closed`,
        this.offsets[this.offsets.length - 1],
      );
    }
    if (!this.rootClosed) this.fail('no root element', 0);
    return this.starts;
  }

  private checkText(from: number, to: number): void {
    if (this.names.length > 0 || from >= to) return;
    if (this.text.slice(from, to).trim() !== '') this.fail('text outside the root element', from);
  }

  private instruction(lt: number): number {
    const end = this.closing('?>', lt + 2, lt, 'processing instruction');
    if (lt > 0 && /^<\?xml[\s?]/.test(this.text.slice(lt, lt + 6))) {
      this.fail('XML declaration allowed only at the start of the document', lt);
    }
    return end;
  }

  private section(lt: number): number {
    if (this.text.startsWith('<!--', lt)) return this.closing('-->', lt + 4, lt, 'comment');
    if (this.text.startsWith('<![CDATA[', lt)) {
      if (this.names.length === 0) this.fail('CDATA outside the root element', lt);
      return this.closing(']]>', lt + 9, lt, 'CDATA section');
    }
    return this.fail('markup declaration not allowed', lt);
  }

  private endTag(lt: number): number {
    const gt = this.closing('>', lt + 2, lt, 'end tag') - 1;
    const open = this.names.pop();
    this.offsets.pop();
    // Compared in place: no substring per end tag on large documents.
    const nameEnd = lt + 2 + (open?.length ?? 0);
    const matches =
      open !== undefined &&
      this.text.startsWith(open, lt + 2) &&
      (nameEnd === gt || isSpace(this.text, nameEnd, gt));
    if (!matches) {
      const name = this.text.slice(lt + 2, gt).trimEnd();
      if (open === undefined) this.fail(`end tag </${name}> has no start tag`, lt);
      this.fail(`end tag </${name}> does not match <${open}>`, lt);
    }
    if (this.names.length === 0) this.rootClosed = true;
    return gt + 1;
  }

  private startTag(lt: number): number {
    const text = this.text;
    let nameEnd = lt + 1;
    for (let c = text.charCodeAt(nameEnd); nameEnd < text.length; c = text.charCodeAt(++nameEnd)) {
      if (c === 62 || c === 47 || c === 32 || c === 10 || c === 9 || c === 13) break;
    }
    const name = text.slice(lt + 1, nameEnd);
    this.checkName(name, lt);
    const gt = this.tagEnd(nameEnd, lt);
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    if (gt > nameEnd + (selfClosing ? 1 : 0)) this.checkAttributes(text.slice(nameEnd, gt), lt);
    if (this.rootClosed || (this.names.length === 0 && this.elements > 0))
      this.fail('more than one root element', lt);
    this.starts.push(lt);
    if (++this.elements > this.limits.maxElements)
      this.limit(`more than ${this.limits.maxElements} elements`, name, lt);
    if (this.names.length + 1 > this.limits.maxDepth)
      this.limit(`element nesting deeper than ${this.limits.maxDepth}`, name, lt);
    if (selfClosing) {
      if (this.names.length === 0) this.rootClosed = true;
    } else {
      this.names.push(name);
      this.offsets.push(lt);
    }
    return gt + 1;
  }

  /** Offset of the '>' that ends a start tag, skipping quoted attribute values. */
  private tagEnd(from: number, lt: number): number {
    const text = this.text;
    for (let j = from; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 62 /* > */) return j;
      if (c === 34 || c === 39) {
        const close = text.indexOf(c === 34 ? '"' : "'", j + 1);
        if (close === -1) break;
        j = close;
      } else if (c === 60 /* < */) break;
    }
    return this.fail('start tag is not closed', lt);
  }

  private checkName(name: string, at: number): void {
    if (this.knownNames.has(name)) return;
    if (!NAME.test(name)) this.fail(`invalid element name "${name}"`, at);
    this.knownNames.add(name);
  }

  private checkAttributes(section: string, lt: number): void {
    if (!ATTRIBUTES.test(section)) this.fail('malformed attributes (each needs name="value")', lt);
    const seen = new Set<string>();
    for (const match of section.matchAll(ATTRIBUTE_NAME)) {
      const name = match[1];
      if (seen.has(name)) this.fail(`attribute "${name}" is repeated`, lt);
      seen.add(name);
      if (!NAME.test(name)) this.fail(`invalid attribute name "${name}"`, lt);
    }
    if (seen.size > this.limits.maxAttributes) {
      this.limit(
        `more than ${this.limits.maxAttributes} attributes`,
        this.text.slice(lt + 1).split(/[\s/>]/, 1)[0],
        lt,
      );
    }
  }

  private closing(terminator: string, from: number, lt: number, what: string): number {
    const end = this.text.indexOf(terminator, from);
    if (end === -1) this.fail(`${what} is not closed`, lt);
    return end + terminator.length;
  }

  private limit(message: string, name: string, at: number): never {
    const xpath = '/' + [...this.names, name].map((n) => n.slice(n.indexOf(':') + 1)).join('/');
    throw new TradeError('rejected', message, {
      stage: 'parse',
      location: { xpath, ...new LineIndex(this.text).locate(at) },
      code: 'XML_LIMIT',
    });
  }

  private fail(message: string, at: number): never {
    throw new TradeError('rejected', `XML not well-formed: ${message}`, {
      stage: 'parse',
      location: new LineIndex(this.text).locate(at),
      code: 'XML_MALFORMED',
    });
  }
}

function isSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}
