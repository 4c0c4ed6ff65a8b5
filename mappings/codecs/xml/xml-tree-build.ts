import { TradeError } from '../../../core/errors/trade-error';
import { decodeEntities } from './xml-entities';
import type { FxpNode } from './xml-fxp';
import { LineIndex } from './xml-location';
import { XmlElement, type XmlChild } from './xml-tree';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
type Scope = ReadonlyMap<string, string>;
/** A child list while it is converted: entries not yet reached are still parser nodes. */
type Converting = Array<XmlChild | FxpNode>;

/**
 * Turns fast-xml-parser's ordered output into XmlElements: namespaces resolved (an undeclared
 * prefix is an error), entities decoded, formatting whitespace between elements dropped while
 * text of leaf and mixed content is kept exactly.
 *
 * The parser's output is taken over rather than copied: each element keeps the parser's child
 * array (its entries replaced in place) and attribute object, since a statement of a million
 * elements otherwise allocates a million arrays only to throw the parser's away.
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

  /** The single root element of the document's top-level nodes (which are left unchanged). */
  root(nodes: FxpNode[]): XmlElement {
    let root: XmlElement | undefined;
    for (const node of nodes) {
      const name = tagOf(node);
      if (name === '#text') {
        if ((node[name] as string).trim() !== '') this.fail('text outside the root element');
      } else if (name.charCodeAt(0) !== 63 /* ? */ && name !== '#cdata') {
        if (root) this.fail('more than one root element');
        root = this.open(node, name, undefined);
        this.fill(root, node, new Map([['xml', XML_NS]]));
      }
    }
    if (!root)
      throw new TradeError('rejected', 'no root element', {
        stage: 'parse',
        location: { line: 1, column: 1 },
      });
    return root;
  }

  /** The element of a parser node, its children still the parser's until `fill`. */
  private open(node: FxpNode, name: string, parent: XmlElement | undefined): XmlElement {
    const attrs = node[':@'] as Record<string, string> | undefined;
    const children = node[name] as XmlChild[];
    const element = new XmlElement(name, attrs, '', this.starts[this.next++] ?? -1, children);
    element.parent = parent;
    return element;
  }

  /** Decodes attributes, resolves namespaces and converts the children, in that order. */
  private fill(element: XmlElement, node: FxpNode, outer: Scope): void {
    let scope = outer;
    if (node[':@'] !== undefined) {
      const attrs = element.attrs;
      for (const key in attrs) {
        const value = this.decode(normaliseAttribute(attrs[key]), element);
        attrs[key] = value;
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (scope === outer) scope = new Map(outer);
          (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value);
        }
      }
      element.ns = this.resolve(scope, element.prefix, element);
      for (const key in attrs) {
        const colon = key.indexOf(':');
        if (colon > 0 && key.slice(0, colon) !== 'xmlns')
          this.resolve(scope, key.slice(0, colon), element);
      }
    } else {
      element.ns = this.resolve(scope, element.prefix, element);
    }
    this.convertChildren(element, scope);
  }

  /**
   * Replaces each parser node of the element's child list by its text, CDATA or element, in
   * place. Instructions are dropped, and whitespace-only text beside child elements, which is
   * indentation rather than content; both are rare, so the list is compacted only when needed.
   */
  private convertChildren(element: XmlElement, scope: Scope): void {
    const children = element.children as Converting;
    let elements = 0;
    let blanks = 0;
    let instructions = 0;
    for (let i = 0; i < children.length; i++) {
      const node = children[i] as FxpNode;
      const name = tagOf(node);
      if (name === '#text') {
        const value = this.decode(node[name] as string, element);
        if (isBlank(value)) blanks++;
        children[i] = value;
      } else if (name === '#cdata') {
        children[i] = { cdata: cdataText(node[name] as Array<{ '#text': string }>) };
      } else if (name.charCodeAt(0) === 63 /* ? processing instruction */) {
        children[i] = DROPPED;
        instructions++;
      } else {
        elements++;
        // In the list before its own content is read, so errors below it find its position.
        const child = this.open(node, name, element);
        children[i] = child;
        this.fill(child, node, scope);
      }
    }
    const dropBlanks = elements > 0 && blanks > 0;
    if (instructions > 0 || dropBlanks) compact(element.children, dropBlanks);
  }

  private resolve(scope: Scope, prefix: string, element: XmlElement): string {
    const uri = scope.get(prefix);
    if (uri !== undefined) return uri;
    if (prefix === '') return '';
    return this.fail(`namespace prefix "${prefix}" is not declared`, element);
  }

  private decode(value: string, element: XmlElement): string {
    if (value.indexOf('&') === -1) return value;
    return decodeEntities(value, (message) => this.fail(message, element));
  }

  private fail(message: string, at?: XmlElement): never {
    const location = at
      ? { ...(at.offset >= 0 ? this.lines.locate(at.offset) : {}), xpath: convertingXpath(at) }
      : {};
    throw new TradeError('rejected', `XML not well-formed: ${message}`, {
      stage: 'parse',
      location,
      code: 'XML_MALFORMED',
    });
  }
}

/** Stands for an instruction in a child list until the list is compacted. */
const DROPPED: XmlChild = Object.freeze({ cdata: '' });

/** Removes DROPPED entries and, when the list has elements, whitespace-only text, in place. */
function compact(children: XmlChild[], dropBlanks: boolean): void {
  let kept = 0;
  for (const child of children) {
    if (child === DROPPED || (dropBlanks && typeof child === 'string' && isBlank(child))) continue;
    children[kept++] = child;
  }
  children.length = kept;
}

/**
 * XPath of an element while the tree is still being converted: siblings not reached yet are
 * parser nodes, and count by their tag. Only computed for an error.
 */
function convertingXpath(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | undefined = element; node; node = node.parent) {
    steps.push(node.local + (node.parent ? positionAmong(node.parent.children, node) : ''));
  }
  return '/' + steps.reverse().join('/');
}

function positionAmong(siblings: Converting, element: XmlElement): string {
  let same = 0;
  let position = 0;
  for (const sibling of siblings) {
    if (localOf(sibling) !== element.local) continue;
    same++;
    if (sibling === element) position = same;
  }
  return same > 1 ? `[${position}]` : '';
}

/** Local name of an element or parser element node, undefined for anything else. */
function localOf(child: XmlChild | FxpNode): string | undefined {
  if (child instanceof XmlElement) return child.local;
  if (typeof child === 'string' || child === DROPPED) return undefined;
  const name = tagOf(child as FxpNode);
  if (name.charCodeAt(0) === 35 /* # */ || name.charCodeAt(0) === 63 /* ? */) return undefined;
  return name.slice(name.indexOf(':') + 1);
}

function tagOf(node: FxpNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '#text';
}

function cdataText(parts: Array<{ '#text': string }>): string {
  return parts.length === 1 ? parts[0]['#text'] : parts.map((part) => part['#text']).join('');
}

// XML 1.0 §3.3.3: literal tabs and line ends in attribute values read as spaces.
function normaliseAttribute(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return value.replace(/[\t\n\r]/g, ' ');
  }
  return value;
}

function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}
