import { XMLParser, type X2jOptions } from 'fast-xml-parser';
import type { XmlLimits } from './xml-limits';

/** One node of fast-xml-parser's ordered output: `{ tag: children, ':@': attrs }`. */
export type FxpNode = Record<string, unknown>;

/**
 * fast-xml-parser settings TradeHub relies on: order kept, attributes kept, no value parsing or
 * trimming (codes stay strings), CDATA apart, and no entity processing inside the parser (the
 * tree builder decodes the predefined entities itself and refuses every other one).
 */
export const FXP_BASE_OPTIONS: Partial<X2jOptions> = Object.freeze({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  processEntities: false,
  htmlEntities: false,
  jPath: false,
});

/** Parses text already checked for well-formedness and limits. */
export function fxpParse(text: string, limits: XmlLimits): FxpNode[] {
  const parser = new XMLParser({
    ...FXP_BASE_OPTIONS,
    // A second fence behind the checker's own depth limit.
    maxNestedTags: limits.maxDepth + 1,
  });
  return parser.parse(text) as FxpNode[];
}
