import Decimal from 'decimal.js';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { TradeError } from '../../core/errors/trade-error';
import type {
  DecodedMessage,
  InboundMapping,
  MappedDocument,
  MappingContext,
  MappingResult,
} from '../../core/translation/contract';
import type { CebMessage, CebRecord } from '../codecs/cn-customs/ceb-types';
import { cebTimeToIso } from '../cn-customs-receipts/ceb-time';
import { enterprise } from '../cn-customs-filings/ceb-fields';
import { countryToIso, currencyToIso, unitToRec20 } from '../customs-codes';

/** A field of a CEB record, or a mapping error naming it by XPath. */
function need(rec: CebRecord, name: string, at: string): string {
  const value = rec[name];
  if (typeof value === 'string' && value !== '') return value;
  throw new TradeError('mapping', `${name} missing`, {
    stage: 'map',
    location: { xpath: `${at}/${name}` },
  });
}

function opt(rec: CebRecord, name: string): string | undefined {
  const value = rec[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Where a line's codes are read: strict refuses an unknown code, lenient warns. */
interface LineCodes {
  lenient: boolean;
  warnings: string[];
}

const isUnknownCode = (err: unknown) =>
  err instanceof TradeError && err.code === 'CUSTOMS_CODE_UNKNOWN';

/**
 * A line's currency: it must be the order's. A code that is not a customs currency at all (the
 * official samples' placeholder `aaa`) is, in lenient mode, taken as the head's with a warning
 * naming the line's XPath; strict mode refuses it naming the field.
 */
function lineCurrency(l: CebRecord, currency: string, i: number, x: string, codes: LineCodes) {
  const code = opt(l, 'currency');
  if (!code) return;
  let iso: string;
  try {
    iso = currencyToIso(code, 'currency', `${x}/currency`);
  } catch (err) {
    if (!codes.lenient || !isUnknownCode(err)) throw err;
    codes.warnings.push(
      `${x}/currency: "${code}" is not a known customs currency code; the order's ${currency} (OrderHead/currency) is used`,
    );
    return;
  }
  if (iso !== currency)
    throw new TradeError(
      'mapping',
      `currency: line ${i + 1} is not in the order currency ${currency}`,
      {
        stage: 'map',
        location: { xpath: `${x}/currency` },
      },
    );
}

/**
 * A line's unit as UN/ECE Rec 20. An unknown customs unit is, in lenient mode, a warning and
 * the quantity is kept with Rec 20 `ZZ` (mutually defined): the model needs a unit and there is
 * no head value to inherit; strict mode refuses it naming the field.
 */
function lineUnit(l: CebRecord, x: string, codes: LineCodes): string {
  const code = need(l, 'unit', x);
  try {
    return unitToRec20(code, 'unit', `${x}/unit`);
  } catch (err) {
    if (!codes.lenient || !isUnknownCode(err)) throw err;
    codes.warnings.push(
      `${x}/unit: "${code}" is not a known customs unit code; quantity kept with unit ZZ (mutually defined)`,
    );
    return 'ZZ';
  }
}

function lines(
  order: CebRecord,
  currency: string,
  at: string,
  codes: LineCodes,
): SalesOrder['lines'] {
  const list = (order.OrderList ?? []) as CebRecord[];
  return list.map((l, i) => {
    const x = `${at}/OrderList[${i + 1}]`;
    lineCurrency(l, currency, i, x, codes);
    const country = opt(l, 'country');
    return {
      lineNo: Number(need(l, 'gnum', x)),
      ...(opt(l, 'itemNo') ? { sku: opt(l, 'itemNo') } : {}),
      description: need(l, 'itemName', x),
      quantity: { value: need(l, 'qty', x), unit: lineUnit(l, x, codes) as never },
      unitPrice: { amount: need(l, 'price', x), currency },
      amount: { amount: need(l, 'totalPrice', x), currency },
      ...(country
        ? { originCountry: countryToIso(country, 'country', `${x}/country`) as never }
        : {}),
    };
  });
}

/** One Order (OrderHead + OrderList) -> SalesOrder. */
function salesOrder(tree: CebMessage, order: CebRecord, at: string, codes: LineCodes): SalesOrder {
  const head = order.OrderHead as CebRecord;
  const h = `${at}/OrderHead`;
  const currency = currencyToIso(need(head, 'currency', h), 'currency', `${h}/currency`);
  const money = (name: string) => ({ amount: need(head, name, h), currency });
  const imported = tree.messageType === 'CEB311';
  const buyerName = opt(head, 'buyerName');
  const freight = money('freight');
  const goodsValue = money('goodsValue');
  const total = imported
    ? money('acturalPaid')
    : { amount: new Decimal(goodsValue.amount).plus(freight.amount).toFixed(), currency };
  const out: SalesOrder = {
    orderNo: need(head, 'orderNo', h),
    orderDate: cebTimeToIso(need(head, 'appTime', h), 'appTime', `${h}/appTime`),
    status: 'CONFIRMED',
    channel: { kind: 'MARKETPLACE', platform: need(head, 'ebpName', h) },
    seller: enterprise(need(head, 'ebcCode', h), need(head, 'ebcName', h)),
    buyer: buyerName
      ? {
          name: buyerName,
          identifiers: [
            { scheme: 'OTHER', value: need(head, 'buyerRegNo', h), issuer: 'platform' },
          ],
        }
      : // CEB303 names no consumer: the platform stands for the buyers of its orders.
        enterprise(need(head, 'ebpCode', h), need(head, 'ebpName', h)),
    ...(imported
      ? {
          consignee: {
            name: need(head, 'consignee', h),
            address: { lines: [need(head, 'consigneeAddress', h)], country: 'CN' as const },
          },
        }
      : { customsMode: '9610' }),
    currency,
    lines: lines(order, currency, at, codes),
    goodsValue,
    freight,
    ...(opt(head, 'discount') ? { discount: money('discount') } : {}),
    totalAmount: total,
    ...(opt(head, 'note') ? { remarks: opt(head, 'note') } : {}),
  };
  return out;
}

/**
 * CEB303 export and CEB311 import e-commerce orders -> SalesOrder, one per Order. An Order
 * whose codes cannot be read is left out with its error as a warning (the others still map);
 * when none maps, the first error is the message's.
 */
export const cebOrderMapping: InboundMapping<CebMessage> = {
  id: 'cn-customs-order',
  format: 'cn-customs',
  messageTypes: ['CEB303', 'CEB311'],
  toCanonical(message: DecodedMessage<CebMessage>, ctx?: MappingContext): MappingResult {
    const tree = message.tree;
    const documents: MappedDocument[] = [];
    const errors: TradeError[] = [];
    const codeWarnings: string[] = [];
    (tree.business.Order ?? []).forEach((order, i) => {
      const at = `/${tree.messageType}Message/Order[${i + 1}]`;
      // Per Order: the warnings of an Order left out are not the message's.
      const codes: LineCodes = { lenient: ctx?.checks === 'lenient', warnings: [] };
      try {
        const payload = salesOrder(tree, order, at, codes);
        codeWarnings.push(...codes.warnings);
        documents.push({
          documentType: 'SalesOrder',
          eventType: 'commerce.order.created',
          payload,
          occurredAt: payload.orderDate,
        });
      } catch (err) {
        errors.push(TradeError.from(err, 'mapping', 'map'));
      }
    });
    if (documents.length === 0) {
      throw (
        errors[0] ??
        new TradeError('mapping', 'no Order', {
          stage: 'map',
          location: { xpath: `/${tree.messageType}Message` },
        })
      );
    }
    const warnings = errors.map((e) => `${e.location?.xpath ?? ''}: ${e.message}`);
    return { documents, warnings: [...codeWarnings, ...warnings] };
  },
};
