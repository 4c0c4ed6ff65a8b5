import { TradeError } from '../../../core/errors/trade-error';
import { lineColumn } from './xml-location';

/**
 * Rejects any markup declaration (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT` ...) outside comments and
 * CDATA sections, before the parser sees the text. Without a DTD there are no external entities
 * (XXE) and nothing to expand (billion laughs), and the rejection costs one scan, not an expansion.
 */
export function rejectMarkupDeclarations(text: string): void {
  let at = text.indexOf('<!');
  while (at !== -1) {
    const skipTo = skippedSection(text, at);
    if (skipTo === undefined) throw declarationError(text, at);
    if (skipTo === -1) return; // unterminated section: the well-formedness check reports it
    at = text.indexOf('<!', skipTo);
  }
}

/** End of a comment or CDATA section starting at `at`, -1 if unterminated, undefined if neither. */
function skippedSection(text: string, at: number): number | undefined {
  if (text.startsWith('<!--', at)) return endAfter(text, '-->', at + 4);
  if (text.startsWith('<![CDATA[', at)) return endAfter(text, ']]>', at + 9);
  return undefined;
}

function endAfter(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

function declarationError(text: string, at: number): TradeError {
  const isDoctype = text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE';
  const what = isDoctype ? 'DOCTYPE' : 'markup declaration';
  return new TradeError(
    'rejected',
    `${what} not allowed: XML with a DTD or entity declarations is refused (no external entities, no entity expansion)`,
    { stage: 'parse', location: lineColumn(text, at), code: 'XML_DTD_FORBIDDEN' },
  );
}
