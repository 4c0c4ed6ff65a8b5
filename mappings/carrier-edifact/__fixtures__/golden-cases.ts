import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../../core/errors/trade-error';
import { validateDocument } from '../../../core/model/documents';
import type { InboundMapping } from '../../../core/translation/contract';
import { edifactCodec, type EdifactMessage } from '../../codecs/edifact';
import { carrierContext } from './carrier-partners.fixture';

/**
 * Golden cases of an inbound mapping: `golden/<case>.edi` and `golden/<case>.expected.json`.
 * The JSON names the partner line (`partner`) and either the `messages` (documents and
 * warnings per UNH) or the `error` the mapping must raise.
 */
export interface GoldenExpectation {
  partner: string;
  receivedAt?: string;
  /** The partner's checks for this case (`MappingContext.checks`); absent: the default. */
  checks?: 'strict' | 'lenient';
  messages?: Array<{ messageRef?: string; documents: unknown[]; warnings: string[] }>;
  error?: { kind: string; stage?: string; code?: string; message: string; location?: unknown };
}

export const goldenCases = (dir: string): string[] =>
  readdirSync(join(dir, 'golden'))
    .filter((f) => f.endsWith('.edi'))
    .map((f) => f.slice(0, -'.edi'.length))
    .sort();

export function readExpectation(dir: string, name: string): GoldenExpectation {
  return JSON.parse(
    readFileSync(join(dir, 'golden', `${name}.expected.json`), 'utf8'),
  ) as GoldenExpectation;
}

/** Decodes and maps one case; every document is validated against its canonical schema. */
export function runGoldenCase(
  dir: string,
  name: string,
  mapping: InboundMapping<EdifactMessage>,
): { actual: GoldenExpectation; expected: GoldenExpectation } {
  const expected = readExpectation(dir, name);
  const ctx = carrierContext(expected.partner, expected.receivedAt, expected.checks);
  const input = readFileSync(join(dir, 'golden', `${name}.edi`));
  const decoded = edifactCodec.decode(input, { format: 'edifact', standard: 'UN/EDIFACT' });
  const actual: GoldenExpectation = {
    partner: expected.partner,
    receivedAt: expected.receivedAt,
    checks: expected.checks,
  };
  try {
    actual.messages = decoded.map((d) => {
      const result = mapping.toCanonical(d, ctx);
      for (const doc of result.documents) validateDocument(doc.documentType, doc.payload);
      return { messageRef: d.messageRef, ...result };
    });
  } catch (err) {
    if (!(err instanceof TradeError)) throw err;
    actual.error = JSON.parse(
      JSON.stringify({
        kind: err.kind,
        stage: err.stage,
        code: err.code,
        message: err.message,
        location: err.location,
      }),
    ) as GoldenExpectation['error'];
  }
  return { actual: JSON.parse(JSON.stringify(actual)) as GoldenExpectation, expected };
}

/** A jest block running every golden case of a mapping folder against its expected JSON. */
export function describeGoldenCases(
  title: string,
  dir: string,
  mapping: InboundMapping<EdifactMessage>,
): void {
  describe(title, () => {
    it.each(goldenCases(dir))('%s', (name) => {
      const { actual, expected } = runGoldenCase(dir, name, mapping);
      expect(actual).toEqual(expected);
    });
  });
}
