import Decimal from 'decimal.js';
import type {
  CommercialInvoice,
  PackingList,
} from '../../../../core/model/documents/commerce.schema';
import type { PurchaseOrder } from '../../../../core/model/documents/commerce-purchase-order.schema';
import {
  ImportDeclarationSchema,
  type ImportDeclaration,
} from '../../../../core/model/documents/customs-declaration.schema';
import type { BillOfLading } from '../../../../core/model/documents/logistics-document.schema';
import {
  countryToDeclaration,
  transactionTermsOf,
  transportModeToCustoms,
} from '../../../../mappings/customs-codes';
import {
  line,
  packingFields,
  Problems,
  traderParties,
  weightChecks,
  type DraftProblem,
  type DraftSettings,
} from './declaration-draft';

/** What an importer has: its purchase order, the supplier's invoice and packing list, the B/L. */
export interface ImportSources {
  purchaseOrder: PurchaseOrder;
  invoice?: CommercialInvoice;
  packingList?: PackingList;
  billOfLading: BillOfLading;
}

export interface ImportDraft {
  declaration: ImportDeclaration;
  problems: DraftProblem[];
}

/** A B/L whose goods are discharged in China: an import for the client that ordered them. */
export const arrivesInChina = (bl: BillOfLading) => bl.portOfDischarge.unLocode.startsWith('CN');

/** The invoice must be for the order, in its currency, and agree with the packing list. */
function importChecks(src: ImportSources & { invoice: CommercialInvoice }, p: Problems) {
  const { purchaseOrder: po, invoice } = src;
  if (!(invoice.orderNos ?? []).includes(po.orderNo))
    p.add('invoiceNos', `invoice ${invoice.invoiceNo} does not name order ${po.orderNo}`);
  if (po.currency && po.currency !== invoice.currency)
    p.add('lines', `invoice currency ${invoice.currency} differs from the order's ${po.currency}`);
  const declared = invoice.lines.reduce((sum, l) => sum.plus(l.amount.amount), new Decimal(0));
  if (!declared.eq(invoice.goodsValue.amount))
    p.add(
      'lines',
      `invoice lines total ${declared.toFixed(2)} differs from its goods value ${invoice.goodsValue.amount}`,
    );
  if (src.packingList) weightChecks(src.packingList, p);
  else p.add('netWeightKg', 'an import declaration needs the packing list for the net weight');
}

/** Packages and weights from the packing list, else the B/L's cargo (gross only). */
function packingOf({ packingList, billOfLading: bl }: ImportSources) {
  if (packingList)
    return {
      count: packingList.totalPackages.reduce((n, t) => n + t.count, 0),
      type: packingList.totalPackages[0].packageType,
      grossKg: packingList.totalMeasures.grossWeightKg ?? '0',
      netKg: packingList.totalMeasures.netWeightKg ?? '0',
    };
  return {
    count: bl.cargo.reduce((n, c) => n + (c.packages?.count ?? 0), 0),
    type: bl.cargo[0].packages?.packageType ?? 'PK',
    grossKg: bl.cargo.reduce((sum, c) => sum.plus(c.grossWeightKg), new Decimal(0)).toFixed(),
    netKg: '0',
  };
}

/**
 * Builds the draft import declaration (ieFlag I, general trade 0110) from the client's
 * purchase order, the supplier's commercial invoice and packing list and the B/L: goods lines
 * from the invoice (HS, elements and statutory quantities from the catalogue, as for exports),
 * departure country and port from the port of loading. Every problem by field.
 */
export function buildImportDraft(src: ImportSources, s: DraftSettings): ImportDraft {
  const p = new Problems();
  const { invoice, billOfLading: bl } = src;
  const departureIso = bl.portOfLoading.unLocode.slice(0, 2);
  const alpha3 = p.code(
    'departureCountry',
    () => countryToDeclaration(departureIso, 'departureCountry'),
    'ZZZ',
  );
  if (invoice) importChecks({ ...src, invoice }, p);
  else p.add('invoiceNos', "an import declaration needs the supplier's commercial invoice");
  const lines = (invoice?.lines ?? []).map((l, i) => line(l, i, s, 'CN', p, departureIso));
  if (lines.length === 0) p.add('lines', 'no goods lines: the invoice is missing');
  const incoterm = invoice?.terms?.incoterm;
  if (!incoterm) p.add('transactionMode', 'no Incoterm on the invoice');
  const packing = packingOf(src);
  const { trader, owner } = traderParties(s, p, 'consignee');
  const declaration: ImportDeclaration = {
    clientRef: s.clientRef,
    status: 'DRAFT',
    customsCode: s.customsCode,
    portCustomsCode: s.portCustomsCode,
    supervisionMode: '0110',
    levyNature: '101',
    transactionMode: incoterm
      ? p.code('transactionMode', () => transactionTermsOf(incoterm, 'transactionMode'), '1')
      : '1',
    transportMode: p.code(
      'transportMode',
      () => transportModeToCustoms(bl.vessel.mode, 'transportMode'),
      '2',
    ),
    ...(bl.vessel.vesselName ? { conveyanceName: bl.vessel.vesselName } : {}),
    ...(bl.vessel.voyageNo ? { voyageNo: bl.vessel.voyageNo } : {}),
    blNo: bl.blNo,
    // For an import the port of departure (启运港) is the foreign port of loading.
    departurePortCode: `${alpha3}000`,
    tradeCountry: invoice?.seller.address?.country ?? departureIso,
    departureCountry: departureIso,
    contractNo: src.purchaseOrder.orderNo,
    ...(invoice ? { invoiceNos: [invoice.invoiceNo] } : {}),
    ...packingFields(packing, p),
    consignee: trader,
    ...(owner ? { owner } : {}),
    ...(s.declarant ? { declarant: s.declarant } : {}),
    ...(invoice ? { overseasParty: invoice.seller } : {}),
    declTrnRel: '0',
    lines,
  };
  p.schema(ImportDeclarationSchema, declaration);
  return { declaration, problems: p.list };
}
