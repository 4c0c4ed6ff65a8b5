import { TradeError, type InputLocation } from '../../../core/errors/trade-error';
import { decodeXmlBytes } from './xml-charset';
import { fxpParse, type FxpNode } from './xml-fxp';
import { rejectMarkupDeclarations } from './xml-guard';
import { resolveLimits, type XmlLimits } from './xml-limits';
import { LineIndex } from './xml-location';
import { checkWellFormed } from './xml-wellformed';
import { TreeBuilder } from './xml-tree-build';
import { xpathOf, type XmlElement } from './xml-tree';

export interface XmlParseOptions {
  limits?: Partial<XmlLimits>;
}

/** A parsed XML document: its root, how it was read, and where its elements sit. */
export interface XmlDocument {
  root: XmlElement;
  /** Character set the bytes were decoded with ('utf-8', 'gbk', ...). */
  charset: string;
  /** Pseudo-attributes of the XML declaration, when there is one. */
  declaration?: Record<string, string>;
  /** XPath, line and column of an element, for located errors. */
  locate(element: XmlElement): InputLocation;
}

/**
 * Parses XML defensively: size limit, DTDs refused before parsing, nesting/element/attribute
 * limits while parsing, a well-formedness check with line and column, then the tree.
 * Throws TradeError kind 'rejected', stage 'parse', located by line/column or xpath.
 */
export function parseXml(input: Buffer | string, options: XmlParseOptions = {}): XmlDocument {
  const limits = resolveLimits(options.limits);
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > limits.maxBytes) {
    throw new TradeError(
      'rejected',
      `XML input of ${size} bytes exceeds the ${limits.maxBytes} byte limit`,
      {
        stage: 'parse',
        location: { offset: limits.maxBytes },
        code: 'XML_LIMIT',
      },
    );
  }
  const { text, charset } =
    typeof input === 'string'
      ? { text: input.replace(/^\uFEFF/, ''), charset: 'utf-8' }
      : decodeXmlBytes(input);
  rejectMarkupDeclarations(text);
  const starts = checkWellFormed(text, limits);
  const nodes = parseNodes(text, limits);
  const root = new TreeBuilder(text, starts).root(nodes);
  const lines = new LineIndex(text);
  return {
    root,
    charset,
    declaration: declarationOf(nodes),
    locate: (element) => ({
      xpath: xpathOf(element),
      ...(element.offset >= 0 ? lines.locate(element.offset) : {}),
    }),
  };
}

function parseNodes(text: string, limits: XmlLimits): FxpNode[] {
  try {
    return fxpParse(text, limits);
  } catch (err) {
    // Text that passed the well-formedness check and still fails the parser is rare: say so.
    throw new TradeError('rejected', `XML not well-formed: ${(err as Error).message}`, {
      stage: 'parse',
      location: { line: 1, column: 1 },
      cause: err,
      code: 'XML_MALFORMED',
    });
  }
}

function declarationOf(nodes: FxpNode[]): Record<string, string> | undefined {
  const first = nodes[0];
  if (!first || !('?xml' in first)) return undefined;
  return { ...((first[':@'] as Record<string, string> | undefined) ?? {}) };
}
