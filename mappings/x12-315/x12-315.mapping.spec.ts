import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { MappingContext } from '../../core/translation/contract';
import { x12Codec } from '../codecs/x12';
import { x12OceanStatusMapping } from './x12-315.mapping';

// A US rail line writing local times of the place (Chicago), keeping unknown codes.
const ctx = (settings: Record<string, unknown> = {}): MappingContext => ({
  partnerId: 'harborlink-rail',
  receivedAt: '2025-07-12T16:00:00Z',
  settings: { carrierCode: 'HBLR', timeConvention: 'location', ...settings },
});

const golden = (name: string) => join(__dirname, 'golden', name);
const run = (settings?: Record<string, unknown>) => {
  const raw = readFileSync(golden('harborlink-rail-arrival.edi'));
  return x12Codec.decode(raw, x12Codec.detect(raw)!).map((m) => {
    const result = x12OceanStatusMapping.toCanonical(m, ctx(settings));
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    return result;
  });
};

describe('X12 315 -> ShipmentEvent', () => {
  it('maps each status as the golden file says (local Chicago time, every booking kept)', () => {
    const actual = JSON.parse(JSON.stringify(run()));
    const expected = readFileSync(golden('harborlink-rail-arrival.expected.json'), 'utf8');
    expect(actual).toEqual(JSON.parse(expected));
  });

  it('refuses an unknown status code for a strict partner, at B4', () => {
    expect(() => run({ unknownStatus: 'error' })).toThrow(
      expect.objectContaining({ code: 'unknown-status' }),
    );
  });
});
