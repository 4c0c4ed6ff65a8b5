import { Module } from '@nestjs/common';
import { FinancingController } from './financing.controllers';
import { FinancingHandler } from './financing.handlers';
import { LoanRepository } from './loan.repository';

/** Financing: loans drawn and repaid, LC presentation checks (0600-financing). */
@Module({
  controllers: [FinancingController, FinancingHandler],
  providers: [LoanRepository],
})
export class FinancingModule {}
