import type { InventoryCancellation } from '../../core/model/documents/customs-inventory.schema';
import { defined, person, type CebFields } from './ceb-fields';
import { cebDocument, cebFilingMapping, type CebDocument } from './ceb-records';

/** The import request also names the order, parcel, platform, carrier and buyer. */
function importParts(c: CebFields) {
  return {
    orderNo: c.need('orderNo'),
    logisticsNo: c.need('logisticsNo'),
    platform: c.party('ebpCode', 'ebpName'),
    carrier: c.party('logisticsCode', 'logisticsName'),
    buyer: person(c.need('buyerName'), c.opt('buyerTelephone')),
  };
}

function cancellation(c: CebFields, imported: boolean): CebDocument {
  const payload: InventoryCancellation = defined({
    filing: c.filing(),
    direction: imported ? ('IMPORT' as const) : ('EXPORT' as const),
    customsCode: c.need('customsCode'),
    inventoryNo: c.need('invtNo'),
    clientRef: c.opt('copNo'),
    preEntryId: c.opt('preNo'),
    ...(imported ? importParts(c) : {}),
    seller: c.party('ebcCode', 'ebcName'),
    agent: c.party('agentCode', 'agentName'),
    reason: c.need('reason'),
    remarks: c.opt('note'),
  });
  return cebDocument('InventoryCancellation', payload, payload.filing.filedAt);
}

/**
 * CEB605 (export) and CEB623 (import) InvtCancel -> InventoryCancellation: the request to
 * withdraw a list, e.g. when the buyer cancelled the order after the list was filed.
 */
export const cebCancellationMapping = cebFilingMapping(
  'cn-customs-inventory-cancellation',
  { CEB605: 'InvtCancel', CEB623: 'InvtCancel' },
  (fields, type) => cancellation(fields, type === 'CEB623'),
);
