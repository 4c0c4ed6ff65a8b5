import { Module } from '@nestjs/common';
import { RebateController } from './rebate.controllers';
import { RebateHandler } from './rebate.handlers';
import { RebateRepository } from './rebate.repository';

/** Export VAT rebate: declarations, VAT invoice matching, readiness (0650-rebate). */
@Module({
  controllers: [RebateController, RebateHandler],
  providers: [RebateRepository],
})
export class RebateModule {}
