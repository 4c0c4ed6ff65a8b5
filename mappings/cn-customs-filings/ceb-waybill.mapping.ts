import type { CustomsWaybill } from '../../core/model/documents/customs-ecommerce.schema';
import { defined, person, type CebFields } from './ceb-fields';
import { cebDocument, cebFilingMapping, type CebDocument } from './ceb-records';

/** CEB505 Logistics (flat): the export parcel's waybill. */
function exportWaybill(l: CebFields): CebDocument {
  const currency = l.currency('currency');
  const seller = l.optParty('ebcCode', 'ebcName');
  const phone = l.opt('ebcTelephone');
  const payload: CustomsWaybill = defined({
    filing: l.filing(),
    direction: 'EXPORT' as const,
    logisticsNo: l.need('logisticsNo'),
    carrier: l.party('logisticsCode', 'logisticsName'),
    freight: l.money('freight', currency),
    insuredFee: l.money('insuredFee', currency),
    grossWeightKg: l.decimal('grossWeight'),
    packageCount: l.int('packNo'),
    goodsInfo: l.opt('goodsInfo'),
    seller: seller && phone ? { ...seller, contact: { phone } } : seller,
    remarks: l.opt('note'),
  });
  return cebDocument('CustomsWaybill', payload, payload.filing.filedAt);
}

/** CEB511 Logistics/LogisticsHead: the import parcel's waybill, with its consignee. */
function importWaybill(logistics: CebFields): CebDocument {
  const h = logistics.block('LogisticsHead');
  const currency = h.currency('currency');
  const consignee = person(h.need('consignee'), h.opt('consigneeTelephone'));
  const payload: CustomsWaybill = defined({
    filing: h.filing(),
    direction: 'IMPORT' as const,
    logisticsNo: h.need('logisticsNo'),
    carrier: h.party('logisticsCode', 'logisticsName'),
    orderNo: h.need('orderNo'),
    blNo: h.opt('billNo'),
    // Both fees are "0 when none" in the schema; absent means the same.
    freight: { amount: h.opt('freight') ? h.decimal('freight') : '0', currency },
    insuredFee: h.opt('insuredFee') ? h.money('insuredFee', currency) : undefined,
    grossWeightKg: h.decimal('weight'),
    packageCount: h.int('packNo'),
    goodsInfo: h.opt('goodsInfo'),
    consignee: {
      ...consignee,
      address: { lines: [h.need('consigneeAddress')], country: 'CN' as const },
    },
    remarks: h.opt('note'),
  });
  return cebDocument('CustomsWaybill', payload, payload.filing.filedAt);
}

/**
 * CEB505 (export) and CEB511 (import) waybills -> CustomsWaybill, one per Logistics element.
 * The logistics company files them; the platform imports its partners' copies.
 */
export const cebWaybillMapping = cebFilingMapping(
  'cn-customs-waybill',
  { CEB505: 'Logistics', CEB511: 'Logistics' },
  (fields, type) => (type === 'CEB505' ? exportWaybill(fields) : importWaybill(fields)),
);
