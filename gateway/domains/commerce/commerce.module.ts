import { Module } from '@nestjs/common';
import { CommerceOrderHandler } from './commerce-order.handler';

/** Commerce: the order book kept from canonical SalesOrders (migration 0100-commerce-*). */
@Module({ providers: [CommerceOrderHandler] })
export class CommerceModule {}
