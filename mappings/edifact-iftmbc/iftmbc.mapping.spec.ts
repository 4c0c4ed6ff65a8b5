import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BookingConfirmation } from '../../core/model/documents/logistics-booking.schema';
import { edifactCodec } from '../codecs/edifact';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { describeGoldenCases } from '../carrier-edifact/__fixtures__/golden-cases';
import { iftmbcMapping } from './iftmbc.mapping';

describeGoldenCases('IFTMBC -> BookingConfirmation golden cases', __dirname, iftmbcMapping);

describe('IFTMBC booking status', () => {
  const confirmed = readFileSync(join(__dirname, 'golden', 'sino-confirmed.edi'), 'latin1');
  const withBgm = (bgm: string) =>
    edifactCodec.decode(
      Buffer.from(confirmed.replace('BGM+770+SNL2504170021+9+AP', bgm), 'latin1'),
      {
        format: 'edifact',
        standard: 'UN/EDIFACT',
      },
    )[0];
  const statusOf = (bgm: string, partner = 'sino-ocean-lines') =>
    (
      iftmbcMapping.toCanonical(withBgm(bgm), carrierContext(partner)).documents[0]
        .payload as BookingConfirmation
    ).status;

  it.each([
    ['BGM+770+SNL2504170021+9', 'CONFIRMED'],
    ['BGM+770+SNL2504170021+5+AP', 'CONFIRMED'],
    ['BGM+770+SNL2504170021+9+RE', 'REJECTED'],
    ['BGM+770+SNL2504170021+9+CA', 'PENDING_UPDATE'],
    // The carrier cancelling on its own is DECLINED (DCSA keeps CANCELLED for the shipper);
    // a cancellation it marks accepted answers the shipper's request: CANCELLED.
    ['BGM+770+SNL2504170021+1', 'DECLINED'],
    ['BGM+770+SNL2504170021+1+RE', 'DECLINED'],
    ['BGM+770+SNL2504170021+1+AP', 'CANCELLED'],
    ['BGM+770+SNL2504170021+27', 'REJECTED'],
  ])('%s is %s by default', (bgm, status) => {
    expect(statusOf(bgm)).toBe(status);
  });

  it('takes the partner table first (Pacific Star: a change is a pending amendment)', () => {
    expect(statusOf('BGM+770+SNL2504170021+4+AP', 'pacific-star-shipping')).toBe(
      'PENDING_AMENDMENT',
    );
    expect(statusOf('BGM+770+SNL2504170021+4+AP')).toBe('CONFIRMED');
  });

  it('refuses a status it cannot read, at the BGM', () => {
    expect(() => statusOf('BGM+770+SNL2504170021+17+XX')).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        code: 'unknown-booking-status',
        location: expect.objectContaining({ segmentTag: 'BGM' }),
      }),
    );
  });
});
