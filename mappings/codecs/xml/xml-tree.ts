/**
 * The XML syntax tree TradeHub's codecs and mappings read. Element order is kept (children are
 * one ordered list), names keep their prefix and know their namespace URI, and every value is a
 * string exactly as sent: no number or boolean coercion, so `0110` and `00012` survive.
 */
/** A CDATA section; plain text children are strings. */
export interface XmlCData {
  readonly cdata: string;
}

/** A child: an element, text (a string, entities decoded) or a CDATA section. */
export type XmlChild = XmlElement | string | XmlCData;

/** JSON form of an element, used for golden files and logs (no parent links, no offsets). */
export interface XmlElementJson {
  name: string;
  ns?: string;
  attrs?: Record<string, string>;
  text?: string;
  children?: Array<XmlElementJson | { text: string } | { cdata: string }>;
}

// Shared by every element without attributes: most elements of trade messages have none.
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

export class XmlElement {
  /** Parent element; undefined for the root. */
  parent: XmlElement | undefined;
  /** Local part of the name. */
  readonly local: string;

  constructor(
    /** Qualified name as written, e.g. `ceb:OrderHead`. */
    readonly name: string,
    /** Attributes by qualified name, namespace declarations included, values decoded. */
    readonly attrs: Record<string, string> = NO_ATTRIBUTES,
    /** Namespace URI the prefix resolves to, '' for none. */
    public ns = '',
    /** Offset of `<` in the parsed text, -1 for built elements. */
    readonly offset = -1,
    /** Elements and text in document order (the parser's own array is taken over, not copied). */
    public children: XmlChild[] = [],
  ) {
    const colon = name.indexOf(':');
    this.local = colon === -1 ? name : name.slice(colon + 1);
  }

  /**
   * Prefix of the name, '' when unprefixed. Derived rather than stored: one field less on each
   * of the million elements of a large statement, and it is rarely read.
   */
  get prefix(): string {
    return this.name.length === this.local.length
      ? ''
      : this.name.slice(0, this.name.length - this.local.length - 1);
  }

  /** Child elements, optionally only those with this local name. */
  elements(local?: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const child of this.children) {
      if (child instanceof XmlElement && (local === undefined || child.local === local)) {
        out.push(child);
      }
    }
    return out;
  }

  /** First child element with this local name. */
  child(local: string): XmlElement | undefined {
    for (const child of this.children) {
      if (child instanceof XmlElement && child.local === local) return child;
    }
    return undefined;
  }

  /** Descendant along a path of local names, e.g. `at('GrpHdr', 'MsgId')`. */
  at(...path: string[]): XmlElement | undefined {
    return this.atPath(path);
  }

  /** Descendant along an array of local names; `at` without a rest array per call. */
  atPath(path: readonly string[]): XmlElement | undefined {
    let node = path.length > 0 ? this.child(path[0]) : this;
    for (let i = 1; i < path.length && node; i++) node = node.child(path[i]);
    return node;
  }

  /** Text and CDATA of the direct children, joined, untrimmed. */
  text(): string {
    let out = '';
    for (const child of this.children) {
      if (typeof child === 'string') out += child;
      else if (!(child instanceof XmlElement)) out += child.cdata;
    }
    return out;
  }

  attr(name: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.attrs, name) ? this.attrs[name] : undefined;
  }

  /** Namespace URI bound to a prefix ('' = default namespace) in scope at this element. */
  lookupNamespace(prefix: string): string | undefined {
    const key = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
    const own = this.attr(key);
    if (own !== undefined) return own;
    if (this.parent) return this.parent.lookupNamespace(prefix);
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    return prefix === '' ? '' : undefined;
  }

  /** XPath of this element by local names, with a position where siblings share the name. */
  get xpath(): string {
    return xpathOf(this);
  }

  toJSON(): XmlElementJson {
    const json: XmlElementJson = { name: this.name };
    if (this.ns) json.ns = this.ns;
    if (Object.keys(this.attrs).length > 0) json.attrs = { ...this.attrs };
    const only = this.children.length === 1 ? this.children[0] : undefined;
    if (typeof only === 'string') json.text = only;
    else if (this.children.length > 0) json.children = this.children.map(childJson);
    return json;
  }
}

function childJson(child: XmlChild): XmlElementJson | { text: string } | { cdata: string } {
  if (child instanceof XmlElement) return child.toJSON();
  return typeof child === 'string' ? { text: child } : { cdata: child.cdata };
}

/** XPath of an element, e.g. `/Document/BkToCstmrStmt/Stmt[2]/Ntry[1]/Amt`. */
export function xpathOf(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | undefined = element; node; node = node.parent) {
    steps.push(node.local + position(node));
  }
  return '/' + steps.reverse().join('/');
}

function position(node: XmlElement): string {
  if (!node.parent) return '';
  const same = node.parent.elements(node.local);
  return same.length > 1 ? `[${same.indexOf(node) + 1}]` : '';
}

/** XPath of a child that may be missing under `parent`, for "required element absent" errors. */
export function xpathBelow(parent: XmlElement, ...locals: string[]): string {
  return [xpathOf(parent), ...locals].join('/');
}
