import * as iconv from 'iconv-lite';
import { TradeError } from '../../../core/errors/trade-error';
import { encodingKnown } from './xml-charset';
import { XmlElement, xpathOf } from './xml-tree';

export interface XmlWriteOptions {
  /** Indent child elements (never inside text or mixed content). Default false. */
  pretty?: boolean;
  /** Indent unit when pretty. Default two spaces. */
  indent?: string;
  /** Write `<?xml version="1.0" encoding="..."?>`. Default true. */
  declaration?: boolean;
  /** Output encoding, named in the declaration. Default UTF-8. */
  encoding?: string;
  /** Namespace declarations to add to the root: '' is the default namespace. */
  namespaces?: Record<string, string>;
}

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
type Scope = ReadonlySet<string>;

/** Serialises an element tree to XML text, checking that every prefix it uses is declared. */
export function serializeXml(root: XmlElement, options: XmlWriteOptions = {}): string {
  const declared = withNamespaces(root, options.namespaces);
  const parts: string[] = [];
  if (options.declaration !== false) {
    parts.push(`<?xml version="1.0" encoding="${options.encoding ?? 'UTF-8'}"?>`);
    if (options.pretty) parts.push('\n');
  }
  writeElement(
    declared,
    parts,
    new Set(['xml']),
    options.pretty ? (options.indent ?? '  ') : undefined,
    '',
  );
  if (options.pretty) parts.push('\n');
  return parts.join('');
}

/** Serialises and encodes; characters the encoding lacks become character references. */
export function writeXml(root: XmlElement, options: XmlWriteOptions = {}): Buffer {
  const encoding = (options.encoding ?? 'UTF-8').toLowerCase();
  const text = serializeXml(root, options);
  if (encoding === 'utf-8' || encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (!encodingKnown(encoding)) {
    throw new TradeError('config', `unsupported output encoding "${encoding}"`, { stage: 'map' });
  }
  return iconv.encode(referenceUnencodable(text, encoding), encoding);
}

function withNamespaces(
  root: XmlElement,
  namespaces: Record<string, string> | undefined,
): XmlElement {
  if (!namespaces) return root;
  const attrs: Record<string, string> = {};
  for (const [prefix, uri] of Object.entries(namespaces))
    attrs[prefix ? `xmlns:${prefix}` : 'xmlns'] = uri;
  const copy = new XmlElement(root.name, { ...attrs, ...root.attrs }, root.ns);
  copy.children = root.children;
  return copy;
}

function writeElement(
  element: XmlElement,
  parts: string[],
  outer: Scope,
  indent: string | undefined,
  depth: string,
): void {
  const scope = declare(element, outer);
  checkPrefix(element, element.prefix, scope);
  parts.push('<', element.name);
  for (const [name, value] of Object.entries(element.attrs)) {
    const colon = name.indexOf(':');
    if (colon > 0 && !name.startsWith('xmlns:')) checkPrefix(element, name.slice(0, colon), scope);
    parts.push(' ', name, '="', escape(value, element, true), '"');
  }
  if (element.children.length === 0) {
    parts.push('/>');
    return;
  }
  parts.push('>');
  const block =
    indent !== undefined && element.children.every((child) => child instanceof XmlElement);
  for (const child of element.children) {
    if (child instanceof XmlElement) {
      if (block) parts.push('\n', depth, indent);
      writeElement(child, parts, scope, indent, depth + (indent ?? ''));
    } else if (typeof child === 'string') {
      parts.push(escape(child, element, false));
    } else {
      parts.push('<![CDATA[', child.cdata.split(']]>').join(']]]]><![CDATA[>'), ']]>');
    }
  }
  if (block) parts.push('\n', depth);
  parts.push('</', element.name, '>');
}

function declare(element: XmlElement, outer: Scope): Scope {
  let scope = outer;
  for (const name of Object.keys(element.attrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === outer) scope = new Set(outer);
      (scope as Set<string>).add(name === 'xmlns' ? '' : name.slice(6));
    }
  }
  return scope;
}

function checkPrefix(element: XmlElement, prefix: string, scope: Scope): void {
  if (prefix === '' || scope.has(prefix)) return;
  throw new TradeError('mapping', `namespace prefix "${prefix}" is used but not declared`, {
    stage: 'map',
    location: { xpath: xpathOf(element) },
  });
}

function escape(value: string, element: XmlElement, attribute: boolean): string {
  if (INVALID_CHAR.test(value)) {
    throw new TradeError('mapping', 'value holds a character XML cannot carry', {
      stage: 'map',
      location: { xpath: xpathOf(element) },
    });
  }
  let out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute)
    out = out
      .replace(/"/g, '&quot;')
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;');
  else out = out.replace(/\r/g, '&#13;');
  return out;
}

function referenceUnencodable(text: string, encoding: string): string {
  return text.replace(/[\u0080-\u{10FFFF}]/gu, (char) =>
    iconv.decode(iconv.encode(char, encoding), encoding) === char
      ? char
      : `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`,
  );
}
