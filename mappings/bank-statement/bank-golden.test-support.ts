import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { Codec, InboundMapping, MappingContext } from '../../core/translation/contract';
import { iso20022Codec } from '../codecs/iso20022/iso20022.codec';
import { swiftMtCodec } from '../codecs/swift-mt';
import { bankIso20022InboundMappings } from '../bank-iso20022';
import { bankMtInboundMappings } from '../bank-mt';

const CODECS: ReadonlyMap<string, Codec> = new Map<string, Codec>([
  ['.sta', swiftMtCodec],
  ['.fin', swiftMtCodec],
  ['.xml', iso20022Codec],
]);
const MAPPINGS: InboundMapping[] = [...bankMtInboundMappings, ...bankIso20022InboundMappings];

export const bankContext: MappingContext = {
  partnerId: 'icbc-ningbo',
  receivedAt: '2025-03-15T21:12:30+08:00',
};

/** Input files of a golden folder: every file with a known extension. */
export function bankGoldenCases(dir: string): string[] {
  return readdirSync(dir).filter((f) => CODECS.has(extname(f)));
}

/** Decodes a file and maps every message, each document validated against its schema. */
export function mapBankFile(path: string) {
  const input = readFileSync(path);
  const codec = CODECS.get(extname(path))!;
  const detection = codec.detect(input);
  if (!detection) throw new Error(`${path}: not detected`);
  return codec.decode(input, detection).map((message) => {
    const type = message.detection.messageType ?? '';
    const mapping = MAPPINGS.find((m) => m.messageTypes.includes(type));
    if (!mapping) throw new Error(`${path}: no bank mapping for ${type}`);
    const result = mapping.toCanonical(message, bankContext);
    for (const doc of result.documents) validateDocument(doc.documentType, doc.payload);
    return { messageType: type, ...result };
  });
}

/** The mapped file and its `<file>.expected.json`; UPDATE_GOLDEN=1 rewrites it (review the diff). */
export function bankGolden(dir: string, file: string, expectedDir = dir) {
  const actual: unknown = JSON.parse(JSON.stringify(mapBankFile(join(dir, file))));
  const expectedPath = join(expectedDir, `${basename(file)}.expected.json`);
  if (process.env.UPDATE_GOLDEN === '1')
    writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
  if (!existsSync(expectedPath))
    throw new Error(`${expectedPath} missing: run with UPDATE_GOLDEN=1`);
  return { actual, expected: JSON.parse(readFileSync(expectedPath, 'utf8')) as unknown };
}
