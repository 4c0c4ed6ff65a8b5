import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateDocument } from '../../core/model';
import type { MappingResult } from '../../core/translation/contract';
import { cnCustomsCodec } from '../codecs/cn-customs/cn-customs.codec';
import { CEB_FILING_MAPPINGS } from '.';

export const GOLDEN_DIR = path.join(__dirname, 'golden');

export const sample = (file: string): string => readFileSync(path.join(GOLDEN_DIR, file), 'utf8');

/** Decodes a CEB filing and maps it with the filing mapping for its message type. */
export function mapFiling(xml: string): MappingResult {
  const bytes = Buffer.from(xml, 'utf8');
  const [message] = cnCustomsCodec.decode(bytes, cnCustomsCodec.detect(bytes)!);
  const mapping = CEB_FILING_MAPPINGS.find((m) =>
    m.messageTypes.includes(message.tree.messageType),
  );
  if (!mapping) throw new Error(`no filing mapping for ${message.tree.messageType}`);
  const result = mapping.toCanonical(message, {
    partnerId: 'p',
    receivedAt: '2025-05-21T10:00:00+08:00',
  });
  for (const d of result.documents) validateDocument(d.documentType, d.payload);
  return result;
}
