import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import { Guarded } from '../http/openapi';
import type { Principal } from '../auth/principal';
import { RedeliveryService } from './redelivery.service';

@Controller('messages')
@Guarded('messages')
export class OutboundMessagesController {
  constructor(private readonly redelivery: RedeliveryService) {}

  /** Queues an outbound message whose delivery failed for good for a new round of attempts. */
  @Post(':id/redeliver')
  @HttpCode(202)
  @RequireRole('operator')
  redeliver(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.redelivery.redeliver(principal, id);
  }
}
