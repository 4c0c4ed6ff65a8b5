import { edifactCodec, type EdifactMessage } from '../codecs/edifact';
import { outboundCases, readCase, renderCase } from './__fixtures__/outbound-cases';

const decodeOne = (body: Buffer): EdifactMessage => {
  const messages = edifactCodec.decode(body, { format: 'edifact', standard: 'UN/EDIFACT' });
  expect(messages).toHaveLength(1);
  return messages[0].tree;
};
const rendered = outboundCases().map((name) => ({
  name,
  message: decodeOne(renderCase(readCase(name)).body),
}));

describe('IFTMIN round trip through the codec', () => {
  it.each(['D.95B', 'D.96A', 'D.99B', 'D.00B', 'D.01B', 'D.16A', 'D.21A'])(
    'every case re-parses and fits the codec IFTMIN structure when written for %s',
    (directory) => {
      for (const name of outboundCases()) {
        const m = decodeOne(renderCase(readCase(name), { directory }).body);
        expect(m).toMatchObject({
          messageType: 'IFTMIN',
          version: directory,
          structured: true,
          warnings: [],
        });
        expect(
          m.tree
            .group('TDT')
            ?.groups('LOC')
            .map((g) => g.head?.get(1, 0)),
        ).toHaveLength(2);
        expect(m.tree.groups('NAD').length).toBeGreaterThan(0);
        expect(m.tree.groups('GID').length).toBeGreaterThan(0);
      }
    },
  );

  it('keeps references, totals and escaped text readable on the way back', () => {
    const booking = rendered.find((r) => r.name === 'sino-booking-request')
      ?.message as EdifactMessage;
    expect(booking.tree.segment('BGM')?.elements).toEqual([['335'], ['BR-HT-25-0417'], ['9']]);
    expect(booking.tree.segments('FTX')[0].get(3, 1)).toBe(
      "Shipper's own 20' box SNLU3107727 to be picked up at Beilun depot.",
    );
    expect(booking.tree.segments('CNT').map((c) => c.element(0))).toEqual([
      ['7', '18250.5', 'KGM'],
      ['11', '1240'],
      ['16', '3'],
    ]);
  });
});
