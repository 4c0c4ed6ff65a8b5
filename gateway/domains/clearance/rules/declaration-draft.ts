import Decimal from 'decimal.js';
import type {
  CommercialInvoice,
  PackingList,
  SalesOrder,
} from '../../../../core/model/documents/commerce.schema';
import {
  ExportDeclarationSchema,
  type DeclarationLineSchema,
  type ExportDeclaration,
} from '../../../../core/model/documents/customs-declaration.schema';
import type { Booking } from '../../../../core/model/documents/logistics-booking.schema';
import type { Party } from '../../../../core/model/values/party.schema';
import {
  countryToDeclaration,
  isWeightUnit,
  packageTypeToCustoms,
  transactionTermsOf,
  transportModeToCustoms,
  unitToCustoms,
} from '../../../../mappings/customs-codes';
import type { z } from 'zod';
import type { Catalogue } from './hs-catalogue';
import type { Qualification } from './qualification';

type DeclarationLine = z.infer<typeof DeclarationLineSchema>;

/** A problem with a draft, by field (a path into the declaration), for operators and clients. */
export interface DraftProblem {
  field: string;
  message: string;
}

export interface DraftSources {
  order: SalesOrder;
  /** Absent for 9610 parcels: the order is the invoice, the booking gives the weights. */
  invoice?: CommercialInvoice;
  packingList?: PackingList;
  booking: Booking;
  blNo?: string;
}

export interface DraftSettings {
  clientRef: string;
  /** Customs of declaration and of exit (4-digit district codes). */
  customsCode: string;
  portCustomsCode: string;
  /** 6-character customs port code of departure (despPortCode). */
  departurePortCode?: string;
  /** The client, with USCC and customs code when it declares itself. */
  client: Party;
  /** The platform, declaring as exporter of record under an agency. */
  platform: Party;
  declarant?: Party;
  qualification: Qualification;
  catalogue: Catalogue;
  /** 5-digit domestic source of the goods. */
  districtCode?: string;
}

export interface Draft {
  declaration: ExportDeclaration;
  problems: DraftProblem[];
}

/** Collects problems instead of stopping at the first: a draft shows all that needs fixing. */
export class Problems {
  readonly list: DraftProblem[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  /** What a schema still refuses (a trader without USCC, a bad port code ...), by path. */
  schema(schema: z.ZodType, value: unknown): void {
    const checked = schema.safeParse(value);
    if (checked.success) return;
    for (const issue of checked.error.issues)
      this.add(issue.path.join('.') || '(declaration)', issue.message);
  }
  /** Runs a code conversion; an unknown code becomes a problem on `field`. */
  code<T>(field: string, convert: () => T, fallback: T): T {
    try {
      return convert();
    } catch (err) {
      this.add(field, (err as Error).message);
      return fallback;
    }
  }
}

function statutory(
  qty: { value: string; unit: string },
  unit: string,
  netKgPerUnit: string | undefined,
): { value: string; unit: string } | undefined {
  if (qty.unit === unit) return qty;
  if (isWeightUnit(unit) && unit === '035' && netKgPerUnit)
    return { value: new Decimal(qty.value).times(netKgPerUnit).toFixed(), unit };
  return undefined;
}

/** A goods line from an order or invoice line: HS and elements from the catalogue, statutory
 *  quantities; `origin` is the country when the line names none. */
export function line(
  l: SalesOrder['lines'][number],
  i: number,
  s: DraftSettings,
  destination: string,
  p: Problems,
  origin = 'CN',
): DeclarationLine {
  const at = `lines[${i}]`;
  const product = l.sku ? s.catalogue.product(l.sku) : undefined;
  if (!product) p.add(`${at}.hsCode`, `no product record for SKU ${l.sku ?? '(none)'}`);
  const hsCode = product?.hsCode ?? l.hsCode ?? '';
  const hs = s.catalogue.hs(hsCode);
  if (!/^\d{10}$/.test(hsCode))
    p.add(`${at}.hsCode`, `"${hsCode}" is not a 10-digit commodity code`);
  else if (!hs) p.add(`${at}.hsCode`, `${hsCode} is not in the HS catalogue`);
  const values = product?.elementValues ?? [];
  hs?.elements.forEach((name, k) => {
    if (!values[k]?.trim())
      p.add(`${at}.declarationElements`, `element ${k + 1} (${name}) is missing for ${hsCode}`);
  });
  const quantity = {
    value: l.quantity.value,
    unit: p.code(
      `${at}.quantity.unit`,
      () => unitToCustoms(l.quantity.unit, `${at}.quantity.unit`),
      '007',
    ),
  };
  const first = hs ? statutory(quantity, hs.firstUnit, product?.netKgPerUnit) : quantity;
  if (!first) p.add(`${at}.firstQuantity`, `cannot derive ${hs!.firstUnit} from ${quantity.unit}`);
  const second = hs?.secondUnit
    ? statutory(quantity, hs.secondUnit, product?.netKgPerUnit)
    : undefined;
  if (hs?.secondUnit && !second)
    p.add(`${at}.secondQuantity`, `cannot derive ${hs.secondUnit} from ${quantity.unit}`);
  return {
    lineNo: l.lineNo,
    hsCode: /^\d{10}$/.test(hsCode) ? hsCode : '0000000000',
    goodsName: product?.goodsName ?? l.description,
    declarationElements: values.join('|'),
    declaredUnitPrice: l.unitPrice,
    declaredTotal: l.amount,
    quantity,
    firstQuantity: first ?? quantity,
    ...(second ? { secondQuantity: second } : {}),
    originCountry: l.originCountry ?? origin,
    destinationCountry: destination,
    ...(s.districtCode ? { districtCode: s.districtCode } : {}),
  };
}

/** Packages (count, customs package type) and weights of a declaration header. */
export function packingFields(
  packing: { count: number; type: string; grossKg: string; netKg: string },
  p: Problems,
) {
  return {
    packageCount: packing.count,
    packageType: p.code(
      'packageType',
      () => packageTypeToCustoms(packing.type, 'packageType'),
      '99',
    ),
    grossWeightKg: packing.grossKg,
    netWeightKg: packing.netKg,
  };
}

/** Net weight may not exceed gross (packing list totals). */
export function weightChecks(packingList: PackingList, p: Problems): void {
  const totals = packingList.totalMeasures;
  if (!totals.grossWeightKg)
    p.add('grossWeightKg', `packing list ${packingList.packingListNo} gives no gross weight`);
  if (!totals.netWeightKg)
    p.add('netWeightKg', `packing list ${packingList.packingListNo} gives no net weight`);
  if (
    totals.grossWeightKg &&
    totals.netWeightKg &&
    new Decimal(totals.netWeightKg).gt(totals.grossWeightKg)
  )
    p.add(
      'netWeightKg',
      `net weight ${totals.netWeightKg} kg exceeds gross ${totals.grossWeightKg} kg`,
    );
}

/** Invoice and packing list must agree with what is declared. */
function crossChecks(
  src: DraftSources & { invoice: CommercialInvoice; packingList: PackingList },
  lines: DeclarationLine[],
  p: Problems,
): void {
  const { invoice, packingList } = src;
  const declared = lines.reduce((sum, l) => sum.plus(l.declaredTotal.amount), new Decimal(0));
  if (invoice.currency !== src.order.currency)
    p.add(
      'lines',
      `invoice currency ${invoice.currency} differs from the order's ${src.order.currency}`,
    );
  else if (!declared.eq(invoice.goodsValue.amount))
    p.add(
      'lines',
      `declared total ${declared.toFixed(2)} ${invoice.currency} differs from invoice ${invoice.invoiceNo} goods value ${invoice.goodsValue.amount}`,
    );
  weightChecks(packingList, p);
}

/** Packages and weights: from the packing list, or for a parcel from the booking's cargo and
 *  the products' net weight per piece. */
function packingOf(src: DraftSources, s: DraftSettings, p: Problems) {
  const { packingList, booking, order } = src;
  if (packingList) {
    return {
      count: packingList.totalPackages.reduce((n, t) => n + t.count, 0),
      type: packingList.totalPackages[0].packageType,
      grossKg: packingList.totalMeasures.grossWeightKg ?? '0',
      netKg: packingList.totalMeasures.netWeightKg ?? '0',
    };
  }
  const gross = booking.cargo.reduce((sum, c) => sum.plus(c.grossWeightKg), new Decimal(0));
  let net = new Decimal(0);
  order.lines.forEach((l, i) => {
    const perUnit = l.sku ? s.catalogue.product(l.sku)?.netKgPerUnit : undefined;
    if (perUnit) net = net.plus(new Decimal(l.quantity.value).times(perUnit));
    else p.add(`lines[${i}].netWeight`, `no net weight per unit for SKU ${l.sku ?? '(none)'}`);
  });
  if (net.gt(gross))
    p.add('netWeightKg', `net weight ${net.toFixed()} kg exceeds gross ${gross.toFixed()} kg`);
  return {
    count: booking.cargo.reduce((n, c) => n + (c.packages?.count ?? 0), 0),
    type: booking.cargo[0]?.packages?.packageType ?? 'PK',
    grossKg: gross.toFixed(),
    netKg: net.toFixed(),
  };
}

/**
 * The domestic trader (consignor of an export, consignee of an import) and the owner from the
 * qualification: the client itself, or the platform for it.
 */
export function traderParties(
  s: DraftSettings,
  p: Problems,
  field: 'consignor' | 'consignee',
): { trader: Party; owner?: Party } {
  const q = s.qualification;
  if (q.mode === 'BLOCKED') {
    p.add(field, `blocked: ${q.reasons.join('; ')}`);
    return { trader: s.client };
  }
  if (q.mode === 'AGENCY') {
    return {
      trader: s.platform,
      owner: { name: q.owner.name, identifiers: [{ scheme: 'USCC', value: q.owner.uscc }] },
    };
  }
  return { trader: s.client, owner: s.client };
}

/** Consignor and owner of an export (or a 1210 bonded import, which keeps its shape). */
export function parties(
  s: DraftSettings,
  p: Problems,
): Pick<ExportDeclaration, 'consignor' | 'owner'> {
  const { trader, owner } = traderParties(s, p, 'consignor');
  return { consignor: trader, ...(owner ? { owner } : {}) };
}

/**
 * Builds the draft export declaration from the order, invoice, packing list and booking, and
 * lists every problem by field. A draft with problems is kept but may not be submitted.
 */
export function buildExportDraft(src: DraftSources, s: DraftSettings): Draft {
  const p = new Problems();
  const { order, invoice, packingList, booking } = src;
  // A booking by routing reference names no ports: the destination is then a problem to fix.
  const destinationIso = booking.portOfDischarge?.unLocode.slice(0, 2) ?? '';
  const alpha3 = p.code(
    'destinationCountry',
    () => countryToDeclaration(destinationIso, 'destinationCountry'),
    'ZZZ',
  );
  const lines = order.lines.map((l, i) => line(l, i, s, destinationIso, p));
  if (invoice && packingList) crossChecks({ ...src, invoice, packingList }, lines, p);
  else if (order.customsMode !== '9610')
    p.add('invoiceNos', 'a declaration needs the commercial invoice and packing list');
  const incoterm = invoice?.terms?.incoterm ?? order.terms?.incoterm ?? booking.terms?.incoterm;
  if (!incoterm) p.add('transactionMode', 'no Incoterm on the invoice, order or booking');
  const packing = packingOf(src, s, p);
  const mode = booking.vessel?.mode ?? 'SEA';
  const declaration: ExportDeclaration = {
    clientRef: s.clientRef,
    status: 'DRAFT',
    customsCode: s.customsCode,
    portCustomsCode: s.portCustomsCode,
    supervisionMode: order.customsMode ?? '0110',
    levyNature: '101',
    transactionMode: incoterm
      ? p.code('transactionMode', () => transactionTermsOf(incoterm, 'transactionMode'), '3')
      : '3',
    transportMode: p.code(
      'transportMode',
      () => transportModeToCustoms(mode, 'transportMode'),
      '2',
    ),
    ...(booking.vessel?.vesselName ? { conveyanceName: booking.vessel.vesselName } : {}),
    ...(booking.vessel?.voyageNo ? { voyageNo: booking.vessel.voyageNo } : {}),
    ...(src.blNo ? { blNo: src.blNo } : {}),
    ...(s.departurePortCode ? { departurePortCode: s.departurePortCode } : {}),
    destinationPortCode: `${alpha3}000`,
    tradeCountry: order.buyer.address?.country ?? destinationIso,
    destinationCountry: destinationIso,
    ...(order.contractNo ? { contractNo: order.contractNo } : {}),
    ...(invoice ? { invoiceNos: [invoice.invoiceNo] } : {}),
    ...packingFields(packing, p),
    ...parties(s, p),
    ...(s.declarant ? { declarant: s.declarant } : {}),
    declTrnRel: '0',
    lines,
  };
  // What the schema still refuses (a consignor without USCC, a bad port code ...) by path.
  p.schema(ExportDeclarationSchema, declaration);
  return { declaration, problems: p.list };
}
