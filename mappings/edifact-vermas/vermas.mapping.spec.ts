import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShipmentEvent } from '../../core/model/documents/logistics-event.schema';
import { edifactCodec } from '../codecs/edifact';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { describeGoldenCases } from '../carrier-edifact/__fixtures__/golden-cases';
import { vermasMapping } from './vermas.mapping';

describeGoldenCases('VERMAS -> ShipmentEvent (VGM) golden cases', __dirname, vermasMapping);

describe('VERMAS mapping', () => {
  const withMea = (mea: string) => {
    const text = readFileSync(join(__dirname, 'golden', 'sino-vgm-two-containers.edi'), 'latin1');
    const input = Buffer.from(text.replace('MEA+AAE+VGM+KGM:18250.5', mea), 'latin1');
    const decoded = edifactCodec.decode(input, { format: 'edifact', standard: 'UN/EDIFACT' })[0];
    return () => vermasMapping.toCanonical(decoded, carrierContext('sino-ocean-lines'));
  };

  it.each([
    ['MEA+AAE+VGM+TNE:18.2505', '18250.5'],
    ['MEA+AAE+VGM+KGM:18250,5', '18250.5'],
  ])('reads %s as %s kg', (mea, kg) => {
    const event = withMea(mea)().documents[0].payload as ShipmentEvent;
    expect(event.vgm?.grossMassKg).toBe(kg);
  });

  it.each([
    ['MEA+AAE+VGM+GRM:18250', 'vgm-unit'],
    ['MEA+AAE+VGM+KGM:-5', 'vgm-value'],
  ])('refuses %s at the MEA segment', (mea, code) => {
    expect(withMea(mea)).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        code,
        location: expect.objectContaining({ segmentTag: 'MEA' }),
      }),
    );
  });
});
