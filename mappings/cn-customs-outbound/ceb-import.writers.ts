import type { CebMessageInput } from '../codecs/cn-customs/ceb-write';
import { countryToCeb, currencyToCustoms, tradeMode } from '../customs-codes';
import {
  inventoryLine,
  type InventoryBase,
  type InventoryCancellationRequest,
} from './ceb-export.writers';
import {
  baseTransfer,
  cebDate,
  cebDecimal,
  compact,
  headFields,
  type CebParty,
} from './ceb-values';
import type { ImportBuyer } from './ceb303.writer';

/** CEB621 import inventory list (进口申报清单) for a 1210 bonded (or 9610 direct) import. */
export interface ImportInventory extends InventoryBase {
  /** Bonded zone (areaCode/areaName) holding the stock, for 1210. */
  area?: CebParty;
  /** Guarantor code (担保企业编号). */
  assureCode: string;
  emsNo?: string;
  declarationDate: string;
  departureCountry: string;
  buyer: ImportBuyer;
}

export function ceb621(v: ImportInventory): CebMessageInput {
  const head = compact({
    ...headFields(v.head),
    orderNo: v.orderNo,
    ebpCode: v.platform.code,
    ebpName: v.platform.name,
    ebcCode: v.seller.code,
    ebcName: v.seller.name,
    logisticsNo: v.logisticsNo,
    logisticsCode: v.carrier.code,
    logisticsName: v.carrier.name,
    copNo: v.copNo,
    assureCode: v.assureCode,
    emsNo: v.emsNo,
    ieFlag: 'I',
    declTime: cebDate(v.declarationDate),
    customsCode: v.customsCode,
    portCode: v.portCode,
    buyerIdType: v.buyer.idType,
    buyerIdNumber: v.buyer.idNumber,
    buyerName: v.buyer.name,
    buyerTelephone: v.buyer.telephone,
    consigneeAddress: v.buyer.consigneeAddress,
    agentCode: v.agent.code,
    agentName: v.agent.name,
    areaCode: v.area?.code,
    areaName: v.area?.name,
    tradeMode: tradeMode(v.tradeMode ?? '1210', 'tradeMode'),
    trafMode: v.transportMode,
    country: countryToCeb(v.departureCountry, 'departureCountry'),
    freight: cebDecimal(v.freight.amount, 'freight'),
    insuredFee: cebDecimal(v.insuredFee.amount, 'insuredFee'),
    currency: currencyToCustoms(v.freight.currency, 'freight.currency'),
    packNo: String(v.packageCount),
    grossWeight: cebDecimal(v.grossWeightKg, 'grossWeightKg'),
    netWeight: cebDecimal(v.netWeightKg, 'netWeightKg'),
    note: v.note,
  });
  const lines = v.lines.map((l, i) => inventoryLine(l, `lines[${i}]`, true));
  return {
    messageType: 'CEB621',
    guid: v.messageGuid,
    business: { Inventory: [{ InventoryHead: head, InventoryList: lines }] },
    baseTransfer: baseTransfer(v.sender),
  };
}

/** CEB623 withdrawal (撤销申请单) of a declared, not yet released import list. */
export interface ImportCancellationRequest extends InventoryCancellationRequest {
  orderNo: string;
  platform: CebParty;
  carrier: CebParty;
  logisticsNo: string;
  /** The buyer as on the list (customs matches the withdrawal to the consumer). */
  buyer: Pick<ImportBuyer, 'idType' | 'idNumber' | 'name' | 'telephone'>;
}

export function ceb623(c: ImportCancellationRequest): CebMessageInput {
  const record = compact({
    ...headFields(c.head),
    customsCode: c.customsCode,
    orderNo: c.orderNo,
    ebpCode: c.platform.code,
    ebpName: c.platform.name,
    ebcCode: c.seller.code,
    ebcName: c.seller.name,
    logisticsNo: c.logisticsNo,
    logisticsCode: c.carrier.code,
    logisticsName: c.carrier.name,
    copNo: c.copNo,
    preNo: c.preNo,
    invtNo: c.inventoryNo,
    buyerIdType: c.buyer.idType,
    buyerIdNumber: c.buyer.idNumber,
    buyerName: c.buyer.name,
    buyerTelephone: c.buyer.telephone,
    agentCode: c.agent.code,
    agentName: c.agent.name,
    reason: c.reason,
    note: c.note,
  });
  return {
    messageType: 'CEB623',
    guid: c.messageGuid,
    business: { InvtCancel: [record] },
    baseTransfer: baseTransfer(c.sender),
  };
}
