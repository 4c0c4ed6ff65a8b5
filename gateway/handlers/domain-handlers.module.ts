import { Module } from '@nestjs/common';
import { CommerceOrderHandler } from './commerce/commerce-order.handler';

/** One provider per domain handler; each gets its own queue at boot. */
@Module({ providers: [CommerceOrderHandler] })
export class DomainHandlersModule {}
