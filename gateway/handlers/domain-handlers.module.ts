import { Module } from '@nestjs/common';
import { CommerceOrderHandler } from './commerce/commerce-order.handler';
import { LogisticsModule } from './logistics/logistics.module';

/** One provider per domain handler; each gets its own queue at boot. */
@Module({ imports: [LogisticsModule], providers: [CommerceOrderHandler] })
export class DomainHandlersModule {}
