import { TradeError } from '../../../core/errors/trade-error';
import { checkAttributes } from './xml-attribute-check';
import type { XmlLimits } from './xml-limits';
import { LineIndex } from './xml-location';
import { isName, isXmlSpace } from './xml-names';

/**
 * One pass over the text that checks what fast-xml-parser lets through (end tags that do not
 * match, unclosed elements, bad names and attribute syntax, repeated attributes, several roots,
 * text outside the root) and enforces the depth, element and attribute limits while it walks,
 * so a hostile document stops at the first breach with its line, column and xpath.
 * Returns the offset of every start tag in document order, which the tree builder gives to the
 * elements it creates in the same order (cheaper than the parser's own metadata).
 * Names are checked and compared where they stand in the text: on a large document, cutting a
 * string out of it for every tag costs more than the checks themselves.
 */
export function checkWellFormed(text: string, limits: XmlLimits): number[] {
  return new WellFormedness(text, limits).run();
}

class WellFormedness {
  /** Offsets of the `<` of the open elements, outermost first, and where their names end. */
  private readonly opens: number[] = [];
  private readonly nameEnds: number[] = [];
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
    const depth = this.opens.length;
    if (depth > 0)
      this.fail(`element <${this.openName(depth - 1)}> is not closed`, this.opens[depth - 1]);
    if (!this.rootClosed) this.fail('no root element', 0);
    return this.starts;
  }

  private openName(level: number): string {
    return this.text.slice(this.opens[level] + 1, this.nameEnds[level]);
  }

  private checkText(from: number, to: number): void {
    if (this.opens.length > 0 || from >= to) return;
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
      if (this.opens.length === 0) this.fail('CDATA outside the root element', lt);
      return this.closing(']]>', lt + 9, lt, 'CDATA section');
    }
    return this.fail('markup declaration not allowed', lt);
  }

  private endTag(lt: number): number {
    const text = this.text;
    const gt = this.closing('>', lt + 2, lt, 'end tag') - 1;
    const open = this.opens.pop();
    const openEnd = this.nameEnds.pop();
    if (open === undefined || openEnd === undefined) {
      return this.fail(`end tag </${text.slice(lt + 2, gt).trimEnd()}> has no start tag`, lt);
    }
    // Compared in place: no substring per end tag on large documents.
    const length = openEnd - open - 1;
    const nameEnd = lt + 2 + length;
    let matches = nameEnd <= gt && (nameEnd === gt || isSpace(text, nameEnd, gt));
    for (let k = 0; matches && k < length; k++) {
      matches = text.charCodeAt(open + 1 + k) === text.charCodeAt(lt + 2 + k);
    }
    if (!matches) {
      const name = text.slice(lt + 2, gt).trimEnd();
      this.fail(`end tag </${name}> does not match <${text.slice(open + 1, openEnd)}>`, lt);
    }
    if (this.opens.length === 0) this.rootClosed = true;
    return gt + 1;
  }

  private startTag(lt: number): number {
    const text = this.text;
    let nameEnd = lt + 1;
    for (let c = text.charCodeAt(nameEnd); nameEnd < text.length; c = text.charCodeAt(++nameEnd)) {
      if (c === 62 || c === 47 || isXmlSpace(c)) break;
    }
    if (!isName(text, lt + 1, nameEnd)) {
      this.fail(`invalid element name "${text.slice(lt + 1, nameEnd)}"`, lt);
    }
    const gt = this.tagEnd(nameEnd, lt);
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    if (gt > nameEnd + (selfClosing ? 1 : 0)) this.attributes(nameEnd, gt, lt);
    const depth = this.opens.length;
    if (this.rootClosed || (depth === 0 && this.elements > 0))
      this.fail('more than one root element', lt);
    this.starts.push(lt);
    if (++this.elements > this.limits.maxElements)
      this.limit(`more than ${this.limits.maxElements} elements`, lt, nameEnd);
    if (depth + 1 > this.limits.maxDepth)
      this.limit(`element nesting deeper than ${this.limits.maxDepth}`, lt, nameEnd);
    if (selfClosing) {
      if (depth === 0) this.rootClosed = true;
    } else {
      this.opens.push(lt);
      this.nameEnds.push(nameEnd);
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

  private attributes(from: number, to: number, lt: number): void {
    const problem = checkAttributes(this.text, from, to);
    if (problem.message !== undefined) this.fail(problem.message, lt);
    if (problem.count > this.limits.maxAttributes) {
      this.limit(`more than ${this.limits.maxAttributes} attributes`, lt, from);
    }
  }

  private closing(terminator: string, from: number, lt: number, what: string): number {
    const end = this.text.indexOf(terminator, from);
    if (end === -1) this.fail(`${what} is not closed`, lt);
    return end + terminator.length;
  }

  /** A limit breached at the start tag at `lt`, whose name ends at `nameEnd`. */
  private limit(message: string, lt: number, nameEnd: number): never {
    const names = this.opens.map((_, level) => this.openName(level));
    names.push(this.text.slice(lt + 1, nameEnd));
    const xpath = '/' + names.map((n) => n.slice(n.indexOf(':') + 1)).join('/');
    throw new TradeError('rejected', message, {
      stage: 'parse',
      location: { xpath, ...new LineIndex(this.text).locate(lt) },
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
  for (let i = from; i < to; i++) if (!isXmlSpace(text.charCodeAt(i))) return false;
  return true;
}
