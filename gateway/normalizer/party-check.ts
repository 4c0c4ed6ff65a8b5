import type { PartnerRecord } from '../../core/partners/partner.schema';
import {
  describeMismatch,
  mismatchedParty,
  ourIdentifiers,
} from '../../mappings/pipeline/interchange-parties';
import type { Translation, TranslationIssue } from '../../mappings/pipeline/translate';

/**
 * The receive-stage issue of a message whose envelope names a sender other than the partner
 * whose folder or endpoint it came through (or a recipient other than us), if any.
 */
export function partyIssue(
  translation: Translation,
  partner: PartnerRecord,
): TranslationIssue | undefined {
  const ours = ourIdentifiers(partner.formats.flatMap((f) => (f.settings ? [f.settings] : [])));
  for (const { decoded } of translation.messages) {
    const mismatch = mismatchedParty(decoded, partner.identifiers, ours);
    if (!mismatch) continue;
    return {
      stage: 'receive',
      kind: 'rejected',
      message: describeMismatch(mismatch, partner.id),
      location: { segmentTag: mismatch.scheme },
      messageIndex: decoded.index,
      code: mismatch.syntaxCode,
    };
  }
  return undefined;
}
