import type { SalesOrder } from '../../core/model/documents/commerce.schema';
import type { MappedDocument } from '../../core/translation/contract';

/** A marketplace order as the mapped document the bus carries (commerce.order.created). */
export const orderDocument = (order: SalesOrder): MappedDocument => ({
  documentType: 'SalesOrder',
  eventType: 'commerce.order.created',
  payload: order,
  occurredAt: order.orderDate,
});
