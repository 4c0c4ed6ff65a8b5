import { TradeError } from '../../core/errors/trade-error';
import type {
  DecodedMessage,
  InboundMapping,
  MappingResult,
} from '../../core/translation/contract';
import {
  addMoney,
  multiplyMoney,
  roundToMinor,
  subtractMoney,
  sumMoney,
} from '../../core/model/values/money';
import type { Money } from '../../core/model/values/money.schema';
import type { Party } from '../../core/model/values/party.schema';
import type { BuyerIdentity } from '../../core/model/values/buyer-identity.schema';
import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import { GenericOrderSchema, type GenericOrder } from './generic-order.schema';

export const GENERIC_ORDER_TYPE = 'generic.order';

/** A generic partner's order JSON -> canonical SalesOrder, amounts computed in decimals. */
export const genericOrderMapping: InboundMapping = {
  id: 'generic-order-json',
  format: 'json',
  messageTypes: [GENERIC_ORDER_TYPE],
  toCanonical(message: DecodedMessage): MappingResult {
    const parsed = GenericOrderSchema.safeParse(message.tree);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const pointer = issue.path.map((p) => `/${String(p)}`).join('');
      throw new TradeError('mapping', `order JSON ${pointer || '/'}: ${issue.message}`, {
        stage: 'map',
        location: { pointer },
      });
    }
    const order = toSalesOrder(parsed.data);
    return {
      documents: [
        {
          documentType: 'SalesOrder',
          eventType: 'commerce.order.created',
          payload: order,
          occurredAt: order.orderDate,
        },
      ],
      warnings: [],
    };
  },
};

function toSalesOrder(src: GenericOrder): SalesOrder {
  const money = (amount: string): Money => ({ amount, currency: src.currency });
  const lines = src.lines.map((line, i) => {
    const unitPrice = money(line.unitPrice);
    return {
      lineNo: i + 1,
      sku: line.sku,
      description: line.description,
      hsCode: line.hsCode,
      quantity: {
        value: line.quantity,
        unit: line.unit,
      },
      unitPrice,
      amount: roundToMinor(multiplyMoney(unitPrice, line.quantity)),
      originCountry: line.originCountry,
    };
  });
  const goodsValue = roundToMinor(
    sumMoney(
      lines.map((l) => l.amount),
      src.currency,
    ),
  );
  const extras = [src.freight, src.insurance].filter((v): v is string => !!v).map(money);
  let total = extras.reduce(addMoney, goodsValue);
  if (src.discount) total = subtractMoney(total, money(src.discount));
  return {
    orderNo: src.orderNo,
    orderDate: src.orderDate,
    status: 'CONFIRMED',
    channel: { kind: src.channel },
    contractNo: src.contractNo,
    seller: seller(src.seller),
    buyer: buyer(src.buyer),
    terms: src.incoterm ? { incoterm: src.incoterm, place: src.namedPlace ?? '' } : undefined,
    paymentTerms: src.paymentMethod
      ? { method: src.paymentMethod, creditDays: src.paymentDays }
      : undefined,
    customsMode: src.customsMode,
    currency: src.currency,
    lines,
    goodsValue,
    freight: src.freight ? money(src.freight) : undefined,
    insurance: src.insurance ? money(src.insurance) : undefined,
    discount: src.discount ? money(src.discount) : undefined,
    totalAmount: roundToMinor(total),
    latestShipDate: src.latestShipDate,
    remarks: src.remarks,
  };
}

function seller(src: GenericOrder['seller']): Party {
  const identifiers: NonNullable<Party['identifiers']> = [];
  if (src.uscc) identifiers.push({ scheme: 'USCC', value: src.uscc });
  if (src.customsCode) identifiers.push({ scheme: 'CUSTOMS', value: src.customsCode });
  return {
    name: src.name,
    identifiers: identifiers.length ? identifiers : undefined,
    address: { country: src.country },
  };
}

function buyer(src: GenericOrder['buyer']): SalesOrder['buyer'] {
  const identifiers: NonNullable<Party['identifiers']> = [];
  if (src.eori) identifiers.push({ scheme: 'EORI', value: src.eori });
  if (src.vat) identifiers.push({ scheme: 'VAT', value: src.vat });
  return {
    name: src.name,
    identifiers: identifiers.length ? identifiers : undefined,
    address: {
      lines: src.address,
      city: src.city,
      postalCode: src.postalCode,
      country: src.country,
    },
    // Kept as given: the SalesOrder schema checks the type code and the ID number, by field.
    ...(src.identity ? { identity: src.identity as BuyerIdentity } : {}),
  };
}
