import type { ShippingInstruction } from '../../core/model/documents/logistics-document.schema';
import type { OutboundMapping } from '../../core/translation/contract';
import type { SegmentDraft } from '../codecs/edifact';
import { toDtm203 } from '../carrier-edifact/edifact-datetime';
import { goodsGroups, packedContainers, totals } from './iftmin-goods';
import { outboundSettings, renderIftmin } from './iftmin-render';
import { dtm, ftx, loc, nadGroup, rff, tdt } from './iftmin-segments';
import { TextRules } from './iftmin-text';
import { port } from './iftmin-booking.mapping';

// UNCL 1001: 705 bill of lading, 710 sea waybill.
const TRANSPORT_DOCUMENT = { BOL: '705', SWB: '710' } as const;
const NOTIFY = ['N1', 'N2'];

/**
 * ShippingInstruction -> IFTMIN shipping instructions (BGM 340, UNCL 1001 "Shipping
 * instructions"): the transport document asked for (DOC 705/710 with originals), freight
 * terms (CPI), parties with notify parties, goods with marks and container links (SGP), and the
 * packed containers with seals, tare and VGM. Same directory-neutral layout as the booking.
 */
export const iftminShippingInstructionMapping: OutboundMapping<ShippingInstruction> = {
  id: 'carrier-edifact-iftmin-si',
  documentType: 'ShippingInstruction',
  format: 'edifact',
  render(si, ctx) {
    const settings = outboundSettings(ctx);
    const t = new TextRules(settings.syntax.split(':')[0]);
    const ref = si.siRef ?? si.bookingNos[0];
    const body: SegmentDraft[] = [
      {
        tag: 'BGM',
        elements: ['340', t.fits(ref, 35, '/siRef'), si.status === 'CANCELLED' ? '1' : '9'],
      },
      dtm('137', toDtm203(ctx.receivedAt, settings.timeZone), '203'),
      ...(si.remarks ? ftx(t, 'AAI', si.remarks, 99, '/remarks') : []),
      ...totals(si.cargo, si.containers.length),
      {
        tag: 'DOC',
        elements: [
          TRANSPORT_DOCUMENT[si.transportDocumentType],
          undefined,
          undefined,
          undefined,
          si.numberOfOriginals === undefined ? undefined : String(si.numberOfOriginals),
        ],
      },
      ...(si.placeOfReceipt ? [loc(t, '88', si.placeOfReceipt, '/placeOfReceipt')] : []),
      ...(si.placeOfDelivery ? [loc(t, '7', si.placeOfDelivery, '/placeOfDelivery')] : []),
      ...references(t, si),
      // C229 5237 4 basic freight; 4237 P prepaid / C collect.
      ...(si.freightPayment
        ? [
            {
              tag: 'CPI',
              elements: [['4'], undefined, si.freightPayment === 'PREPAID' ? 'P' : 'C'],
            },
          ]
        : []),
      tdt(t, si.vessel, '/vessel'),
      // An SI taken from DCSA names no ports (they come from the booking): IFTMIN needs them.
      loc(t, '9', port(si.portOfLoading, '/portOfLoading'), '/portOfLoading'),
      loc(t, '11', port(si.portOfDischarge, '/portOfDischarge'), '/portOfDischarge'),
      ...parties(t, si),
      ...goodsGroups(t, si.cargo, '/cargo'),
      ...packedContainers(t, si.containers, '/containers'),
    ];
    return renderIftmin(body, ctx, settings);
  },
};

/** SG3: bookings, invoices, orders and China export declaration numbers (ABT). */
function references(t: TextRules, si: ShippingInstruction): SegmentDraft[] {
  return [
    ...si.bookingNos.map((b, i) => rff(t, 'BN', b, `/bookingNos/${i}`)),
    ...(si.invoiceNos ?? []).map((v, i) => rff(t, 'IV', v, `/invoiceNos/${i}`)),
    ...(si.orderNos ?? []).map((v, i) => rff(t, 'ON', v, `/orderNos/${i}`)),
    ...(si.declarationNos ?? []).map((v, i) => rff(t, 'ABT', v, `/declarationNos/${i}`)),
  ];
}

/** SG11: shipper, consignee (or TO ORDER), notify parties N1, N2, then NI. */
function parties(t: TextRules, si: ShippingInstruction): SegmentDraft[] {
  const consignee = si.consignee
    ? nadGroup(t, 'CN', si.consignee, '/consignee')
    : [{ tag: 'NAD', elements: ['CN', undefined, undefined, ['TO ORDER']] }];
  return [
    ...nadGroup(t, 'CZ', si.shipper, '/shipper'),
    ...consignee,
    ...(si.notifyParties ?? []).flatMap((p, i) =>
      nadGroup(t, NOTIFY[i] ?? 'NI', p, `/notifyParties/${i}`),
    ),
  ];
}
