import { Module } from '@nestjs/common';
import { OutboundModule } from '../../outbound/outbound.module';
import { InstructionRepository } from './instruction.repository';
import { FxRepository } from './fx.repository';
import { PaymentMatchingService } from './payment-matching.service';
import { PaymentRepository } from './payment.repository';
import { ReceivableRepository } from './receivable.repository';
import { SettlementApiService } from './settlement-api.service';
import { SettlementController } from './settlement.controllers';
import { SettlementHandler } from './settlement.handlers';

/**
 * Settlement: receivables from invoices, bank credits matched to them, FX rates, forwards and
 * FX settlements (migration 0400-settlement).
 */
@Module({
  imports: [OutboundModule],
  controllers: [SettlementController, SettlementHandler],
  providers: [
    ReceivableRepository,
    PaymentRepository,
    FxRepository,
    InstructionRepository,
    PaymentMatchingService,
    SettlementApiService,
  ],
})
export class SettlementModule {}
