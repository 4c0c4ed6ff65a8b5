import type { Money } from '../../core/model/values/money.schema';
import type { CebMessageInput } from '../codecs/cn-customs/ceb-write';
import type { CebRecord } from '../codecs/cn-customs/ceb-types';
import { countryToCeb, currencyToCustoms, tradeMode, unitToCustoms } from '../customs-codes';
import {
  baseTransfer,
  cebDate,
  cebDecimal,
  compact,
  headFields,
  type CebHead,
  type CebParty,
  type CebSender,
} from './ceb-values';

export interface MessageBase {
  head: CebHead;
  messageGuid: string;
  sender: CebSender;
}

function message(
  type: string,
  element: string,
  records: CebRecord[],
  base: MessageBase,
): CebMessageInput {
  return {
    messageType: type,
    guid: base.messageGuid,
    business: { [element]: records },
    baseTransfer: baseTransfer(base.sender),
  };
}

const money = (m: Money, field: string) => ({
  amount: cebDecimal(m.amount, field),
  currency: currencyToCustoms(m.currency, `${field}.currency`),
});

/** CEB403 receipt of payment (收款单): the seller received the buyer's money for an order. */
export interface PaymentReceipt extends MessageBase {
  platform: CebParty;
  seller: CebParty;
  orderNo: string;
  payer: CebParty & { payNo?: string };
  charge: Money;
  /** When the money was booked (ISO 8601), written yyyyMMddHHmmss. */
  accountingAt: Date;
  note?: string;
}

export function ceb403(r: PaymentReceipt): CebMessageInput {
  const charge = money(r.charge, 'charge');
  const record = compact({
    ...headFields(r.head),
    ebpCode: r.platform.code,
    ebpName: r.platform.name,
    ebcCode: r.seller.code,
    ebcName: r.seller.name,
    orderNo: r.orderNo,
    payCode: r.payer.code,
    payName: r.payer.name,
    payNo: r.payer.payNo,
    charge: charge.amount,
    currency: charge.currency,
    accountingDate: headFields({ ...r.head, appTime: r.accountingAt }).appTime as string,
    note: r.note,
  });
  return message('CEB403', 'Receipts', [record], r);
}

/** CEB505 export waybill from the logistics company. */
export interface Waybill extends MessageBase {
  carrier: CebParty;
  logisticsNo: string;
  freight: Money;
  insuredFee: Money;
  grossWeightKg: string;
  packageCount: number;
  goodsInfo: string;
  seller?: CebParty & { telephone?: string };
  note?: string;
}

export function ceb505(w: Waybill): CebMessageInput {
  const record = compact({
    ...headFields(w.head),
    logisticsCode: w.carrier.code,
    logisticsName: w.carrier.name,
    logisticsNo: w.logisticsNo,
    freight: cebDecimal(w.freight.amount, 'freight'),
    insuredFee: cebDecimal(w.insuredFee.amount, 'insuredFee'),
    currency: currencyToCustoms(w.freight.currency, 'freight.currency'),
    grossWeight: cebDecimal(w.grossWeightKg, 'grossWeightKg'),
    packNo: String(w.packageCount),
    goodsInfo: w.goodsInfo,
    ebcCode: w.seller?.code,
    ebcName: w.seller?.name,
    ebcTelephone: w.seller?.telephone,
    note: w.note,
  });
  return message('CEB505', 'Logistics', [record], w);
}

/** One goods line of an inventory list (CEB603 / CEB621). */
export interface InventoryLine {
  lineNo: number;
  itemNo: string;
  itemName?: string;
  /** 10-digit commodity code. */
  hsCode: string;
  goodsName: string;
  /** Declaration elements (申报要素), pipe-separated. */
  declarationElements: string;
  barCode?: string;
  originCountry: string;
  /** Transaction quantity in a Rec 20 unit, and the statutory first (and second) quantity. */
  quantity: { value: string; unit: string };
  firstQuantity: { value: string; unit: string };
  secondQuantity?: { value: string; unit: string };
  unitPrice: Money;
  total: Money;
}

export function inventoryLine(l: InventoryLine, at: string, imported: boolean): CebRecord {
  const currency = currencyToCustoms(l.total.currency, `${at}.total.currency`);
  const unit = (q: { unit: string }, f: string) => unitToCustoms(q.unit, `${at}.${f}.unit`);
  const qty = (q: { value: string }, f: string) => cebDecimal(q.value, `${at}.${f}.value`);
  const quantities = {
    qty: qty(l.quantity, 'quantity'),
    ...(imported ? { unit: unit(l.quantity, 'quantity') } : {}),
    qty1: qty(l.firstQuantity, 'firstQuantity'),
    ...(imported ? { unit1: unit(l.firstQuantity, 'firstQuantity') } : {}),
    qty2: l.secondQuantity && qty(l.secondQuantity, 'secondQuantity'),
    ...(imported && l.secondQuantity ? { unit2: unit(l.secondQuantity, 'secondQuantity') } : {}),
  };
  const exportUnits = imported
    ? {}
    : {
        unit: unit(l.quantity, 'quantity'),
        unit1: unit(l.firstQuantity, 'firstQuantity'),
        unit2: l.secondQuantity && unit(l.secondQuantity, 'secondQuantity'),
      };
  return compact({
    gnum: String(l.lineNo),
    itemNo: l.itemNo,
    itemName: l.itemName,
    gcode: l.hsCode,
    gname: l.goodsName,
    gmodel: l.declarationElements,
    barCode: imported ? l.barCode : (l.barCode ?? '无'),
    country: countryToCeb(l.originCountry, `${at}.originCountry`),
    currency,
    ...quantities,
    ...exportUnits,
    price: cebDecimal(l.unitPrice.amount, `${at}.unitPrice`),
    totalPrice: cebDecimal(l.total.amount, `${at}.total`),
  });
}

/** What an export (CEB603) and an import (CEB621) inventory list both carry. */
export interface InventoryBase extends MessageBase {
  customsCode: string;
  portCode: string;
  platform: CebParty;
  seller: CebParty;
  agent: CebParty;
  carrier: CebParty;
  orderNo: string;
  logisticsNo: string;
  copNo: string;
  tradeMode?: string;
  transportMode: string;
  freight: Money;
  insuredFee: Money;
  packageCount: number;
  grossWeightKg: string;
  netWeightKg: string;
  lines: InventoryLine[];
  note?: string;
}

/** CEB603 export inventory list (申报清单) for one 9610 order. */
export interface ExportInventory extends InventoryBase {
  owner: CebParty;
  exportDate: string;
  conveyanceName?: string;
  voyageNo?: string;
  blNo?: string;
  licenseNo?: string;
  destinationCountry: string;
  /** Port of destination (POD): 3-4 characters. */
  destinationPort: string;
  /** wrapType, 1 character in the CEB code list. */
  packageType: string;
}

export function ceb603(v: ExportInventory): CebMessageInput {
  const head = compact({
    ...headFields(v.head),
    customsCode: v.customsCode,
    ebpCode: v.platform.code,
    ebpName: v.platform.name,
    orderNo: v.orderNo,
    logisticsCode: v.carrier.code,
    logisticsName: v.carrier.name,
    logisticsNo: v.logisticsNo,
    copNo: v.copNo,
    ieFlag: 'E',
    portCode: v.portCode,
    ieDate: cebDate(v.exportDate),
    // As the official CEB603 sample sends it; the code list was not found (?).
    statisticsFlag: 'A',
    agentCode: v.agent.code,
    agentName: v.agent.name,
    ebcCode: v.seller.code,
    ebcName: v.seller.name,
    ownerCode: v.owner.code,
    ownerName: v.owner.name,
    tradeMode: tradeMode(v.tradeMode ?? '9610', 'tradeMode'),
    trafMode: v.transportMode,
    trafName: v.conveyanceName,
    voyageNo: v.voyageNo,
    billNo: v.blNo,
    licenseNo: v.licenseNo,
    country: countryToCeb(v.destinationCountry, 'destinationCountry'),
    POD: v.destinationPort,
    freight: cebDecimal(v.freight.amount, 'freight'),
    fCurrency: currencyToCustoms(v.freight.currency, 'freight.currency'),
    // 3 = total amount (primer §1.1 fee marks).
    fFlag: '3',
    insuredFee: cebDecimal(v.insuredFee.amount, 'insuredFee'),
    iCurrency: currencyToCustoms(v.insuredFee.currency, 'insuredFee.currency'),
    iFlag: '3',
    wrapType: v.packageType,
    packNo: String(v.packageCount),
    grossWeight: cebDecimal(v.grossWeightKg, 'grossWeightKg'),
    netWeight: cebDecimal(v.netWeightKg, 'netWeightKg'),
    note: v.note,
  });
  const lines = v.lines.map((l, i) => inventoryLine(l, `lines[${i}]`, false));
  return message('CEB603', 'Inventory', [{ InventoryHead: head, InventoryList: lines }], v);
}

/** CEB701 summary application (汇总申请) over the released lists of a period. */
export interface SummaryApplication extends MessageBase {
  customsCode: string;
  copNo: string;
  agent: CebParty;
  seller: CebParty;
  declarant: CebParty;
  periodStart: Date;
  periodEnd: Date;
  inventoryNos: string[];
  /** 1 = summary with declaration (汇总形成报关单), 2 = without (?). */
  summaryFlag?: '1' | '2';
  /** 0 = goods names as declared (?). */
  itemNameFlag?: '0' | '1';
  note?: string;
}

export function ceb701(s: SummaryApplication): CebMessageInput {
  const time = (at: Date) => headFields({ ...s.head, appTime: at }).appTime as string;
  const head = compact({
    ...headFields(s.head),
    customsCode: s.customsCode,
    copNo: s.copNo,
    agentCode: s.agent.code,
    agentName: s.agent.name,
    ebcCode: s.seller.code,
    ebcName: s.seller.name,
    declAgentCode: s.declarant.code,
    declAgentName: s.declarant.name,
    startTime: time(s.periodStart),
    endTime: time(s.periodEnd),
    summaryFlag: s.summaryFlag ?? '1',
    itemNameFlag: s.itemNameFlag ?? '0',
    msgCount: '1',
    msgSeqNo: '1',
    note: s.note,
  });
  const list = s.inventoryNos.map((invtNo) => ({ invtNo }));
  return message('CEB701', 'SummaryApply', [{ SummaryApplyHead: head, SummaryApplyList: list }], s);
}

/**
 * CEB605 list cancellation (撤销申请) of a declared export list, e.g. the buyer cancelled the
 * order before customs released it. invtNo is the list number customs gave (CEB604).
 */
export interface InventoryCancellationRequest extends MessageBase {
  customsCode: string;
  copNo: string;
  preNo?: string;
  inventoryNo: string;
  reason: string;
  agent: CebParty;
  seller: CebParty;
  note?: string;
}

export function ceb605(c: InventoryCancellationRequest): CebMessageInput {
  const record = compact({
    ...headFields(c.head),
    customsCode: c.customsCode,
    copNo: c.copNo,
    preNo: c.preNo,
    invtNo: c.inventoryNo,
    reason: c.reason,
    agentCode: c.agent.code,
    agentName: c.agent.name,
    ebcCode: c.seller.code,
    ebcName: c.seller.name,
    note: c.note,
  });
  return message('CEB605', 'InvtCancel', [record], c);
}
