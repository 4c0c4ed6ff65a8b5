import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { edifactCodec } from '../codecs/edifact';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { describeGoldenCases } from '../carrier-edifact/__fixtures__/golden-cases';
import { codecoMapping } from './codeco.mapping';

describeGoldenCases('CODECO -> ShipmentEvent golden cases', __dirname, codecoMapping);

describe('CODECO mapping', () => {
  const withBgm = (code: string) => {
    const text = readFileSync(
      join(__dirname, 'golden', 'pacific-star-busan-gate-out.edi'),
      'latin1',
    );
    const input = Buffer.from(text.replace('BGM+36+', `BGM+${code}+`), 'latin1');
    return edifactCodec.decode(input, { format: 'edifact', standard: 'UN/EDIFACT' })[0];
  };

  it('refuses a report that is neither gate-in nor gate-out, at its BGM', () => {
    expect(() =>
      codecoMapping.toCanonical(withBgm('35'), carrierContext('pacific-star-shipping')),
    ).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        code: 'unsupported-document',
        location: expect.objectContaining({ segmentIndex: 3, segmentTag: 'BGM' }),
      }),
    );
  });

  it('turns the same box into a gate-in when the report says 34', () => {
    const [doc] = codecoMapping.toCanonical(
      withBgm('34'),
      carrierContext('pacific-star-shipping'),
    ).documents;
    expect(doc.payload).toMatchObject({
      eventCode: 'GTIN',
      equipmentReference: 'PSSU8801429',
      sourceStatusCode: '34',
    });
  });
});
