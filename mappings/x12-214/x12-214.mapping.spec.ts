import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { MappingContext } from '../../core/translation/contract';
import { x12Codec } from '../codecs/x12';
import { x12CarrierStatusMapping } from './x12-214.mapping';

// A drayage carrier delivering an ocean container inland; its LT times are Chicago time.
const ctx = (settings: Record<string, unknown> = {}): MappingContext => ({
  partnerId: 'swift-drayage',
  receivedAt: '2025-07-15T22:05:00Z',
  settings: { timeZone: 'America/Chicago', ...settings },
});

const golden = (name: string) => join(__dirname, 'golden', name);
const run = (settings?: Record<string, unknown>, file = 'swift-drayage-delivery.edi') => {
  const raw = readFileSync(golden(file));
  return x12Codec.decode(raw, x12Codec.detect(raw)!).map((m) => {
    const result = x12CarrierStatusMapping.toCanonical(m, ctx(settings));
    for (const d of result.documents) validateDocument(d.documentType, d.payload);
    return result;
  });
};

describe('X12 214 -> ShipmentEvents', () => {
  it('maps each AT7 as the golden file says (AT707 zones, appointments planned, delays kept)', () => {
    const actual = JSON.parse(JSON.stringify(run()));
    const expected = readFileSync(golden('swift-drayage-delivery.expected.json'), 'utf8');
    expect(actual).toEqual(JSON.parse(expected));
  });

  it('reads AT707 PT as Pacific time with daylight saving, LT in the partner zone', () => {
    const [first] = run();
    const times = first.documents.map(
      (d) => (d.payload as { eventDateTime: string }).eventDateTime,
    );
    expect(times[0]).toBe('2025-07-13T06:30:00-07:00');
    expect(times.at(-1)).toBe('2025-07-15T17:45:00-05:00');
    const [utc] = run({ timeZone: 'UTC' });
    expect(utc.documents.at(-1)?.occurredAt).toBe('2025-07-15T17:45:00+00:00');
  });

  it('refuses an unknown status code for a strict partner, at its AT7', () => {
    expect(() => run({ unknownStatus: 'error' })).toThrow(
      expect.objectContaining({
        code: 'unknown-status',
        location: expect.objectContaining({ segmentTag: 'AT7' }),
      }),
    );
  });

  it("takes a partner's own code for a status the default list lacks", () => {
    const shipmentDelayed = { eventKind: 'TRANSPORT', eventCode: 'ARRI', description: 'Delayed' };
    const [, second] = run({ statusCodes: { SD: { ...shipmentDelayed } } });
    expect(second.documents).toHaveLength(1);
    expect(second.documents[0].payload).toMatchObject({ delayReasonCode: 'AO', classifier: 'ACT' });
  });
});

describe('X12 214 structure (004010)', () => {
  const text = readFileSync(join(__dirname, 'golden', 'swift-drayage-delivery.edi'));
  const decode = (input: Buffer) => x12Codec.decode(input, x12Codec.detect(input)!);

  it('places each AT7 status with its MS1/MS2 in its LX loop, without issues', () => {
    const [first] = decode(text);
    const set = first.tree.set;
    expect(set.structure).toBe('214/004010');
    expect(set.issues).toEqual([]);
    const loops = set.body.filter((n) => 'loopId' in n && n.loopId === 'LX');
    expect(loops).toHaveLength(5);
  });

  it('refuses a 214 without its B10 at the segment where it was due', () => {
    const broken = Buffer.from(
      text.toString('latin1').replace('B10*PRO778812*SHP44120*SWFD~', 'L11*X*BM~'),
      'latin1',
    );
    expect(() => decode(broken)).toThrow(
      expect.objectContaining({
        stage: 'parse',
        message: 'X12: mandatory segment B10 missing at segment 4 (L11)',
      }),
    );
  });
});
