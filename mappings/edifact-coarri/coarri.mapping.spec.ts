import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { edifactCodec } from '../codecs/edifact';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { describeGoldenCases } from '../carrier-edifact/__fixtures__/golden-cases';
import { coarriMapping } from './coarri.mapping';

describeGoldenCases('COARRI -> ShipmentEvent golden cases', __dirname, coarriMapping);

describe('COARRI mapping', () => {
  const edit = (change: (text: string) => string) => {
    const text = readFileSync(join(__dirname, 'golden', 'lbct-harbor-star-moves.edi'), 'latin1');
    const input = Buffer.from(change(text), 'latin1');
    return edifactCodec.decode(input, { format: 'edifact', standard: 'UN/EDIFACT' })[0];
  };
  const ctx = carrierContext('harborlink-rail');

  it('refuses a report that is neither discharge nor loading, at its BGM', () => {
    const shifting = edit((t) => t.replace('BGM+98+', 'BGM+99+'));
    expect(() => coarriMapping.toCanonical(shifting, ctx)).toThrow(
      expect.objectContaining({
        code: 'unsupported-document',
        location: expect.objectContaining({ segmentTag: 'BGM' }),
      }),
    );
  });

  it('reads an actual DTM 7 when the terminal writes no execution date (203)', () => {
    const [first] = coarriMapping.toCanonical(
      edit((t) => t.replace('DTM+203:202505120634', 'DTM+7:202505120634')),
      ctx,
    ).documents;
    expect(first.payload).toMatchObject({
      classifier: 'ACT',
      eventDateTime: '2025-05-12T06:34:00-07:00',
    });
  });
});
