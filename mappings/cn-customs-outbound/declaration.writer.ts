import type {
  ExportDeclaration,
  ImportDeclaration,
} from '../../core/model/documents/customs-declaration.schema';
import { partyId } from '../../core/model/values/party.schema';
import type { OutboundMapping, RenderedMessage } from '../../core/translation/contract';
import type { CebRecord } from '../codecs/cn-customs/ceb-types';
import type { CebMessageInput } from '../codecs/cn-customs/ceb-write';
import { baseTransfer, type CebSender } from './ceb-values';
import { countryToDeclaration } from '../customs-codes';

type Declaration = ExportDeclaration | ImportDeclaration;
type Json = Record<string, string | number | undefined>;

const charge = (c: Declaration['freight'], prefix: string): Json =>
  c ? { [`${prefix}Mark`]: c.mark, [`${prefix}Rate`]: c.value, [`${prefix}Curr`]: c.currency } : {};

function goods(d: Declaration): Json[] {
  return d.lines.map((l, i) => ({
    gNo: l.lineNo,
    codeTs: l.hsCode,
    ciqCode: l.ciqCode,
    gName: l.goodsName,
    gModel: l.declarationElements,
    declPrice: l.declaredUnitPrice.amount,
    declTotal: l.declaredTotal.amount,
    tradeCurr: l.declaredTotal.currency,
    gQty: l.quantity.value,
    gUnit: l.quantity.unit,
    firstQty: l.firstQuantity.value,
    firstUnit: l.firstQuantity.unit,
    secondQty: l.secondQuantity?.value,
    secondUnit: l.secondQuantity?.unit,
    originCountry: countryToDeclaration(l.originCountry, `lines[${i}].originCountry`),
    destinationCountry: countryToDeclaration(
      l.destinationCountry,
      `lines[${i}].destinationCountry`,
    ),
    districtCode: l.districtCode,
    dutyMode: l.dutyMode,
  }));
}

/**
 * A declaration in the Single Window JSON field names (primer §1.1): header and goods lines,
 * countries as 3-letter customs codes, currencies as ISO 4217 (?). The domestic trader is
 * tradeScc/tradeCode, the owner (real consignor when the platform is exporter of record)
 * ownerScc/ownerCode/ownerName.
 */
export function declarationJson(d: Declaration): Record<string, unknown> {
  const exported = 'consignor' in d;
  const trader = exported ? d.consignor : d.consignee;
  const head: Json = {
    ieFlag: exported ? 'E' : 'I',
    copNo: d.clientRef,
    preEntryId: d.preEntryId,
    entryId: d.entryId,
    customMaster: d.customsCode,
    iePort: d.portCustomsCode,
    despPortCode: d.departurePortCode,
    distinatePort: d.destinationPortCode,
    cusTrafMode: d.transportMode,
    trafName: d.conveyanceName,
    voyageNo: d.voyageNo,
    billNo: d.blNo,
    supvModeCdde: d.supervisionMode,
    cutMode: d.levyNature,
    transMode: d.transactionMode,
    ...charge(d.freight, 'fee'),
    ...charge(d.insurance, 'insur'),
    ...charge(d.otherCharges, 'other'),
    cusTradeCountry: countryToDeclaration(
      exported ? d.destinationCountry : d.departureCountry,
      exported ? 'destinationCountry' : 'departureCountry',
    ),
    cusTradeNationCode: countryToDeclaration(d.tradeCountry, 'tradeCountry'),
    contrNo: d.contractNo,
    packNo: d.packageCount,
    wrapType: d.packageType,
    grossWt: d.grossWeightKg,
    netWt: d.netWeightKg,
    markNo: d.marks,
    goodsPlace: d.goodsPlace,
    noteS: d.remarks,
    tradeScc: partyId(trader, 'USCC'),
    tradeCode: partyId(trader, 'CUSTOMS'),
    tradeName: trader.name,
    ownerScc: d.owner && partyId(d.owner, 'USCC'),
    ownerCode: d.owner && partyId(d.owner, 'CUSTOMS'),
    ownerName: d.owner?.name,
    agentScc: d.declarant && partyId(d.declarant, 'USCC'),
    agentCode: d.declarant && partyId(d.declarant, 'CUSTOMS'),
    manualNo: d.manualNo,
    licenseNo: d.licenseNo,
    declTrnRel: d.declTrnRel,
  };
  return JSON.parse(JSON.stringify({ head, goods: goods(d) })) as Record<string, unknown>;
}

/** JSON values as the text of XML fields (numbers as written, nothing for absent ones). */
function textFields(json: unknown): CebRecord {
  return Object.fromEntries(
    Object.entries(json as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
}

/**
 * The declaration as the file filed over the DXP exchange: `DecMessage` (namespace
 * `http://www.chinaport.gov.cn/dec`, TradeHub's (?): no official schema at hand) with one
 * `DecHead` and a `DecList` per goods line, the fields of {@link declarationJson} in that order,
 * then BaseTransfer. The file is signed like a CEB message and checked by the field rules
 * (`declaration-fields.ts`) before it leaves.
 */
export function declarationMessage(
  d: Declaration,
  o: { guid: string; sender: CebSender },
): CebMessageInput {
  const json = declarationJson(d) as { head: unknown; goods: unknown[] };
  return {
    messageType: 'DEC',
    guid: o.guid,
    business: { DecHead: [textFields(json.head)], DecList: json.goods.map(textFields) },
    baseTransfer: baseTransfer(o.sender),
  };
}

function render(d: Declaration, controlRef: string): RenderedMessage {
  return {
    body: Buffer.from(JSON.stringify(declarationJson(d), null, 2)),
    contentType: 'application/json',
    format: 'json',
    messageType: 'consignor' in d ? 'ExportDeclaration' : 'ImportDeclaration',
    messageRef: d.clientRef ?? controlRef,
    fileName: `DEC_${d.clientRef ?? controlRef}.json`,
  };
}

export const exportDeclarationRender: OutboundMapping<ExportDeclaration> = {
  id: 'single-window-export-declaration',
  documentType: 'ExportDeclaration',
  format: 'json',
  render: (d, ctx) => render(d, ctx.controlRef),
};

export const importDeclarationRender: OutboundMapping<ImportDeclaration> = {
  id: 'single-window-import-declaration',
  documentType: 'ImportDeclaration',
  format: 'json',
  render: (d, ctx) => render(d, ctx.controlRef),
};
