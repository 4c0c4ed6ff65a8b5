import { Module } from '@nestjs/common';
import { RebateModule } from '../rebate/rebate.module';
import { FinancingController } from './financing.controllers';
import { FinancingHandler } from './financing.handlers';
import { FINANCING_SETTINGS, financingSettings } from './financing.settings';
import { LoanRepository } from './loan.repository';
import { RebateAdvanceService } from './rebate-advance.service';

/** Financing: loans drawn and repaid, advance rebate payments, LC checks (0600-0601). */
@Module({
  imports: [RebateModule],
  controllers: [FinancingController, FinancingHandler],
  providers: [
    { provide: FINANCING_SETTINGS, useFactory: () => financingSettings() },
    LoanRepository,
    RebateAdvanceService,
  ],
})
export class FinancingModule {}
