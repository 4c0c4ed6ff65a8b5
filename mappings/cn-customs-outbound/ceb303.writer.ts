import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import type { CebMessageInput } from '../codecs/cn-customs/ceb-write';
import type { CebRecord } from '../codecs/cn-customs/ceb-types';
import { countryToCeb, currencyToCustoms, unitToCustoms } from '../customs-codes';
import {
  baseTransfer,
  cebDecimal,
  compact,
  headFields,
  type CebHead,
  type CebParty,
  type CebSender,
} from './ceb-values';

export interface OrderMessageOptions {
  head: CebHead;
  /** The message's own guid (the CEBxxxMessage attribute). */
  messageGuid: string;
  /** E-commerce platform (ebp) and seller (ebc), by customs registration. */
  platform: CebParty;
  seller: CebParty;
  sender: CebSender;
  /**
   * CEB303 orderType (XSD 2022-05): E export B2C order (9610, the default), B B2B export order
   * (9710), W the order kind the XSD calls 外综服订单, used here for the 9810 overseas-warehouse
   * booking (海外仓订仓单, whose number OrderReturn's orderNo may carry) (?).
   */
  orderType?: 'E' | 'B' | 'W';
}

function orderLines(order: SalesOrder, withOrigin: boolean): CebRecord[] {
  const currency = currencyToCustoms(order.currency, 'currency');
  return order.lines.map((line, i) => {
    const at = `lines[${i}]`;
    return compact({
      gnum: String(line.lineNo),
      itemNo: line.sku ?? String(line.lineNo),
      itemName: line.description,
      gmodel: withOrigin ? line.description : undefined,
      unit: unitToCustoms(line.quantity.unit, `${at}.quantity.unit`),
      ...(withOrigin ? {} : { currency }),
      qty: cebDecimal(line.quantity.value, `${at}.quantity.value`),
      price: cebDecimal(line.unitPrice.amount, `${at}.unitPrice`),
      totalPrice: cebDecimal(line.amount.amount, `${at}.amount`),
      ...(withOrigin
        ? { currency, country: countryToCeb(line.originCountry ?? 'CN', `${at}.originCountry`) }
        : {}),
    });
  });
}

/** Head fields 303 and 311 share, in their common schema order up to freight. */
function orderHeadStart(
  order: SalesOrder,
  o: OrderMessageOptions,
  orderType: 'E' | 'B' | 'W' | 'I',
) {
  return {
    ...headFields(o.head),
    orderType,
    orderNo: order.orderNo,
    ebpCode: o.platform.code,
    ebpName: o.platform.name,
    ebcCode: o.seller.code,
    ebcName: o.seller.name,
    goodsValue: cebDecimal(order.goodsValue.amount, 'goodsValue'),
    freight: cebDecimal(order.freight?.amount ?? '0', 'freight'),
  };
}

/** SalesOrder -> CEB303 export order (primer §1.2 303 OrderHead + OrderList). */
export function ceb303FromOrder(order: SalesOrder, o: OrderMessageOptions): CebMessageInput {
  const head = compact({
    ...orderHeadStart(order, o, o.orderType ?? 'E'),
    currency: currencyToCustoms(order.currency, 'currency'),
    note: order.remarks,
  });
  return {
    messageType: 'CEB303',
    guid: o.messageGuid,
    business: { Order: [{ OrderHead: head, OrderList: orderLines(order, false) }] },
    baseTransfer: baseTransfer(o.sender),
  };
}

/** The consumer of a 1210 bonded import (CEB311 buyer and consignee fields). */
export interface ImportBuyer {
  regNo: string;
  name: string;
  telephone: string;
  /** 1 = ID card (身份证). */
  idType: '1' | '2';
  idNumber: string;
  consigneeAddress: string;
  taxTotal: string;
  payCode?: string;
  payName?: string;
  payTransactionId?: string;
}

/** SalesOrder -> CEB311 import order for 1210 bonded e-commerce. */
export function ceb311FromOrder(
  order: SalesOrder,
  buyer: ImportBuyer,
  o: OrderMessageOptions,
): CebMessageInput {
  const discount = order.discount?.amount ?? '0';
  const head = compact({
    ...orderHeadStart(order, o, 'I'),
    discount: cebDecimal(discount, 'discount'),
    taxTotal: cebDecimal(buyer.taxTotal, 'taxTotal'),
    acturalPaid: cebDecimal(order.totalAmount.amount, 'totalAmount'),
    currency: currencyToCustoms(order.currency, 'currency'),
    buyerRegNo: buyer.regNo,
    buyerName: buyer.name,
    buyerTelephone: buyer.telephone,
    buyerIdType: buyer.idType,
    buyerIdNumber: buyer.idNumber,
    payCode: buyer.payCode,
    payName: buyer.payName,
    payTransactionId: buyer.payTransactionId,
    consignee: order.consignee?.name ?? buyer.name,
    consigneeTelephone: buyer.telephone,
    consigneeAddress: buyer.consigneeAddress,
    note: order.remarks,
  });
  return {
    messageType: 'CEB311',
    guid: o.messageGuid,
    business: { Order: [{ OrderHead: head, OrderList: orderLines(order, true) }] },
    baseTransfer: baseTransfer(o.sender),
  };
}
