import { Module } from '@nestjs/common';
import { OutboundModule } from '../../outbound/outbound.module';
import { CommerceTasksController } from './commerce.controllers';
import { CommerceOrderHandler } from './commerce-order.handler';
import { OrderBookRepository } from './order-book.repository';
import { OrderFlowService } from './order-flow.service';
import { OrderWorkRepository } from './order-work.repository';

/**
 * Commerce: the order book kept from canonical SalesOrders and the downstream work each order
 * causes once (fulfilment, reversal on cancellation or return); migrations 01xx.
 */
@Module({
  imports: [OutboundModule],
  controllers: [CommerceOrderHandler, CommerceTasksController],
  providers: [OrderBookRepository, OrderWorkRepository, OrderFlowService],
})
export class CommerceModule {}
