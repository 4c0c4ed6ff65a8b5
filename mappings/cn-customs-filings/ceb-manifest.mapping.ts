import type { ParcelManifest } from '../../core/model/documents/customs-ecommerce.schema';
import { defined, type CebFields } from './ceb-fields';
import { cebDocument, cebFilingMapping, type CebDocument } from './ceb-records';

/** Per message: the element, its head and list blocks, and what kind of report it is. */
const KINDS = {
  CEB507: { element: 'Arrival', kind: 'ARRIVAL', direction: 'EXPORT' },
  CEB509: { element: 'Departure', kind: 'DEPARTURE', direction: 'EXPORT' },
  CEB711: { element: 'Delivery', kind: 'DELIVERY', direction: 'IMPORT' },
} as const;
type ManifestType = keyof typeof KINDS;

function parcels(block: CebFields, list: string): ParcelManifest['parcels'] {
  return block.blocks(list).map((p) =>
    defined({
      lineNo: p.int('gnum'),
      logisticsNo: p.need('logisticsNo'),
      bagNo: p.opt('totalPackageNo'),
      remarks: p.opt('note'),
    }),
  );
}

function manifest(type: ManifestType, block: CebFields): CebDocument {
  const { element, kind, direction } = KINDS[type];
  const h = block.block(`${element}Head`);
  const batch = h.opt('msgCount')
    ? { count: h.int('msgCount'), seqNo: h.int('msgSeqNo') }
    : undefined;
  const payload: ParcelManifest = defined({
    filing: h.filing(),
    kind,
    direction,
    customsCode: h.need('customsCode'),
    clientRef: h.opt('copNo'),
    preEntryId: h.opt('preNo'),
    receiptNo: h.opt('rkdNo'),
    operator: h.optParty('operatorCode', 'operatorName'),
    carrier: h.party('logisticsCode', 'logisticsName'),
    transportMode: h.need('trafMode'),
    // CEB711 calls the conveyance trafNo, the export messages trafName.
    conveyanceName: h.opt('trafName') ?? h.opt('trafNo'),
    voyageNo: h.opt('voyageNo'),
    blNo: h.opt('billNo'),
    domesticTransportNo: h.opt('domesticTrafNo'),
    locationCode: h.opt('loctNo'),
    unloadLocation: h.opt('unloadLocation'),
    departedAt: h.optTime('leaveTime'),
    batch,
    parcels: parcels(block, `${element}List`),
    remarks: h.opt('note'),
  });
  return cebDocument('ParcelManifest', payload, payload.departedAt ?? payload.filing.filedAt);
}

/**
 * CEB507 运抵单 (parcels arrived at the export supervision site), CEB509 离境单 (parcels left
 * the country) and CEB711 入库明细单 (import parcels entered the site) -> ParcelManifest, one per
 * Arrival / Departure / Delivery element, listing the parcels by waybill.
 */
export const cebManifestMapping = cebFilingMapping(
  'cn-customs-manifest',
  { CEB507: 'Arrival', CEB509: 'Departure', CEB711: 'Delivery' },
  (block, type) => manifest(type as ManifestType, block),
);
