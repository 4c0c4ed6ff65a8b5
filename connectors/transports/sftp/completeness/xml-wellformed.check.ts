import { resolveLimits } from '../../../../mappings/codecs/xml/xml-limits';
import { checkWellFormed } from '../../../../mappings/codecs/xml/xml-wellformed';

/** True when an XML file parses as one well-formed document: a cut upload never does. */
export function xmlComplete(body: Buffer): boolean {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('<')) return false;
  try {
    checkWellFormed(text, resolveLimits());
    return true;
  } catch {
    return false;
  }
}
