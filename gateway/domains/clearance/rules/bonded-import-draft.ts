import Decimal from 'decimal.js';
import type { SalesOrder } from '../../../../core/model/documents/commerce.schema';
import {
  ExportDeclarationSchema,
  type ExportDeclaration,
} from '../../../../core/model/documents/customs-declaration.schema';
import { BuyerIdentitySchema } from '../../../../core/model/values/buyer-identity.schema';
import { line, parties, Problems, type Draft, type DraftSettings } from './declaration-draft';

/** The 1210 supervision mode (保税电商): consumer orders of stock held in a bonded zone. */
export const BONDED_IMPORT_MODE = '1210';

/** A client's bonded-import set-up (PUT /clearance/clients/:clientId `bondedImport`). */
export interface BondedImportSetup {
  /** The bonded zone warehouse holding the stock (CEB621 areaCode / areaName). */
  areaCode: string;
  areaName: string;
  /** The bonded account book (电子账册) the stock is entered in. */
  emsNo?: string;
  /** The guarantor (担保企业) of the taxes withheld. */
  assureCode: string;
  /** The logistics enterprise delivering from the zone. */
  carrier: { code: string; name: string };
}

const IDENTITY_FIELDS = ['idType', 'idNumber', 'name', 'telephone'] as const;

/** The buyer's identity customs requires, each missing or bad field a problem. */
function identityProblems(order: SalesOrder, p: Problems): void {
  const identity = order.buyer.identity;
  if (!identity) {
    for (const f of IDENTITY_FIELDS)
      p.add(`buyer.identity.${f}`, `a 1210 bonded import needs the buyer's ${f} (CEB311/CEB621)`);
    return;
  }
  // Checked again here: the order may have been stored before the rule existed.
  const checked = BuyerIdentitySchema.safeParse(identity);
  if (!checked.success)
    for (const issue of checked.error.issues)
      p.add(`buyer.identity.${issue.path.join('.')}`, issue.message);
}

/**
 * The draft of a 1210 bonded import from the consumer order alone (the stock is already in the
 * zone: no booking, invoice or packing list). It keeps the declaration header the export side
 * uses (the client as the domestic trader, `destinationCountry` CN, `tradeCountry` the country
 * the goods came from); each problem is named by field, the buyer's identity included.
 */
export function buildBondedImportDraft(
  order: SalesOrder,
  s: DraftSettings,
  setup: BondedImportSetup | undefined,
): Draft {
  const p = new Problems();
  identityProblems(order, p);
  if (!setup)
    p.add('bondedImport', 'the client has no bonded-import set-up (zone, guarantor, carrier)');
  const address = order.shipTo ?? order.buyer.address;
  if (!address?.lines?.length && !address?.city)
    p.add('shipTo', 'a 1210 import list needs the consignee address');
  const origin = order.lines[0]?.originCountry;
  if (!origin) p.add('lines[0].originCountry', 'a 1210 import names the country of departure');
  const lines = order.lines.map((l, i) => line(l, i, s, 'CN', p));
  let net = new Decimal(0);
  order.lines.forEach((l, i) => {
    const perUnit = l.sku ? s.catalogue.product(l.sku)?.netKgPerUnit : undefined;
    if (perUnit) net = net.plus(new Decimal(l.quantity.value).times(perUnit));
    else p.add(`lines[${i}].netWeight`, `no net weight per unit for SKU ${l.sku ?? '(none)'}`);
  });
  const declaration: ExportDeclaration = {
    clientRef: s.clientRef,
    status: 'DRAFT',
    customsCode: s.customsCode,
    portCustomsCode: s.portCustomsCode,
    supervisionMode: BONDED_IMPORT_MODE,
    transactionMode: '1',
    // W: the parcel leaves the bonded warehouse (物流中心/保税仓库 transport code).
    transportMode: 'W',
    tradeCountry: origin ?? 'CN',
    destinationCountry: 'CN',
    packageCount: 1,
    packageType: '22',
    // One parcel per consumer order; no packing is known, so its gross is its net weight (?).
    grossWeightKg: net.toFixed(),
    netWeightKg: net.toFixed(),
    ...parties(s, p),
    declTrnRel: '0',
    lines,
  };
  const checked = ExportDeclarationSchema.safeParse(declaration);
  if (!checked.success)
    for (const issue of checked.error.issues)
      p.add(issue.path.join('.') || '(declaration)', issue.message);
  return { declaration, problems: p.list };
}
