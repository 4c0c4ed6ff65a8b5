import type { PoolClient } from 'pg';
import { getDocumentDefinition } from '../../core/model/documents';
import { mergeRefs, refPairs, type TradeRefs } from '../../core/model/trade-refs';
import { insertRefs } from '../../core/storage/document.repository';
import {
  translate,
  type TranslateOptions,
  type Translation,
} from '../../mappings/pipeline/translate';

/** The references of every document a translation mapped, schema-derived and extra. */
export function refsOfTranslation(translation: Translation | undefined): TradeRefs[] {
  return (translation?.messages ?? []).flatMap((m) =>
    m.documents.map((doc) =>
      mergeRefs(getDocumentDefinition(doc.documentType).refs(doc.payload as never), doc.refs),
    ),
  );
}

/**
 * What references a failed message still shows: those of the documents its own run mapped
 * (a later check failed it), else those of a lenient second reading — control references and
 * counts relaxed, no schema validation — which finds the B/L and containers of a file whose
 * UNZ does not match. Mapping failures of that reading are ignored: this only looks.
 */
export function salvageRefs(
  raw: Buffer,
  strict: Translation | undefined,
  lenient: Pick<TranslateOptions, 'registry' | 'context' | 'hints'>,
): TradeRefs {
  let refs = refsOfTranslation(strict);
  if (refs.length === 0) {
    try {
      const relaxed = translate(raw, {
        ...lenient,
        validate: (_type, payload) => payload,
        requireMapping: false,
      });
      refs = refsOfTranslation(relaxed);
    } catch {
      refs = [];
    }
  }
  return mergeRefs(...refs);
}

export async function insertFailedRefs(
  tx: PoolClient,
  refs: TradeRefs,
  owner: { messageId: string; clientId: string | null },
): Promise<void> {
  if (refPairs(refs).length === 0) return;
  await insertRefs(tx, refs, { ...owner, fromFailed: true });
}
