import { TradeError } from '../../../core/errors/trade-error';
import { decodeEntities } from './xml-entities';
import type { FxpNode } from './xml-fxp';
import { LineIndex } from './xml-location';
import { XmlElement, xpathOf, type XmlChild } from './xml-tree';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
type Scope = ReadonlyMap<string, string>;

/**
 * Turns fast-xml-parser's ordered output into XmlElements: namespaces resolved (an undeclared
 * prefix is an error), entities decoded, formatting whitespace between elements dropped while
 * text of leaf and mixed content is kept exactly.
 */
export class TreeBuilder {
  private readonly lines: LineIndex;
  private next = 0;

  /** `starts`: offsets of the start tags in document order, from the well-formedness pass. */
  constructor(
    text: string,
    private readonly starts: readonly number[],
  ) {
    this.lines = new LineIndex(text);
  }

  /** The single root element of the document's top-level nodes. */
  root(nodes: FxpNode[]): XmlElement {
    let root: XmlElement | undefined;
    for (const node of nodes) {
      const name = tagOf(node);
      if (name === '#text') {
        if ((node[name] as string).trim() !== '') this.fail('text outside the root element');
      } else if (name.charCodeAt(0) !== 63 /* ? */ && name !== '#cdata') {
        if (root) this.fail('more than one root element');
        root = this.element(node, name, new Map([['xml', XML_NS]]), undefined);
      }
    }
    if (!root)
      throw new TradeError('rejected', 'no root element', {
        stage: 'parse',
        location: { line: 1, column: 1 },
      });
    return root;
  }

  private element(
    node: FxpNode,
    name: string,
    outer: Scope,
    parent: XmlElement | undefined,
  ): XmlElement {
    const offset = this.starts[this.next++] ?? -1;
    const raw = node[':@'] as Record<string, string> | undefined;
    let attrs: Record<string, string> | undefined;
    let scope = outer;
    if (raw) {
      attrs = {};
      for (const key of Object.keys(raw)) {
        const value = this.decode(normaliseAttribute(raw[key]), offset, parent, name);
        attrs[key] = value;
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (scope === outer) scope = new Map(outer);
          (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value);
        }
      }
    }
    const element = new XmlElement(name, attrs, '', offset);
    attrs ??= element.attrs;
    element.parent = parent;
    element.ns = this.resolve(scope, element.prefix, element);
    for (const key of Object.keys(attrs)) {
      const colon = key.indexOf(':');
      if (colon > 0 && key.slice(0, colon) !== 'xmlns')
        this.resolve(scope, key.slice(0, colon), element);
    }
    this.addChildren(element, node[name] as FxpNode[], scope);
    return element;
  }

  private addChildren(element: XmlElement, nodes: FxpNode[], scope: Scope): void {
    const children = element.children;
    let elements = 0;
    let blanks = 0;
    for (const node of nodes) {
      const name = tagOf(node);
      if (name === '#text') {
        const value = this.decode(node[name] as string, element.offset, element);
        if (isBlank(value)) blanks++;
        children.push(value);
      } else if (name === '#cdata') {
        const parts = node[name] as Array<{ '#text': string }>;
        children.push({ cdata: parts.map((part) => part['#text']).join('') });
      } else if (name.charCodeAt(0) !== 63 /* ? processing instruction */) {
        elements++;
        children.push(this.element(node, name, scope, element));
      }
    }
    // Whitespace-only text beside child elements is indentation, not content.
    if (elements > 0 && blanks > 0)
      element.children = children.filter((child) => !isBlankText(child));
  }

  private resolve(scope: Scope, prefix: string, element: XmlElement): string {
    const uri = scope.get(prefix);
    if (uri !== undefined) return uri;
    if (prefix === '') return '';
    return this.fail(`namespace prefix "${prefix}" is not declared`, element);
  }

  private decode(value: string, offset: number, element?: XmlElement, name?: string): string {
    if (value.indexOf('&') === -1) return value;
    return decodeEntities(value, (message) =>
      this.failAt(
        message,
        offset,
        element ? xpathOf(element) + (name ? `/${name}` : '') : undefined,
      ),
    );
  }

  private fail(message: string, at?: XmlElement): never {
    return at ? this.failAt(message, at.offset, xpathOf(at)) : this.failAt(message, -1);
  }

  private failAt(message: string, offset: number, xpath?: string): never {
    const location = offset >= 0 ? { ...this.lines.locate(offset), xpath } : { xpath };
    throw new TradeError('rejected', `XML not well-formed: ${message}`, {
      stage: 'parse',
      location,
      code: 'XML_MALFORMED',
    });
  }
}

function tagOf(node: FxpNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '#text';
}

// XML 1.0 §3.3.3: literal tabs and line ends in attribute values read as spaces.
function normaliseAttribute(value: string): string {
  return /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, ' ') : value;
}

function isBlankText(child: XmlChild): boolean {
  return typeof child === 'string' && isBlank(child);
}

function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}
