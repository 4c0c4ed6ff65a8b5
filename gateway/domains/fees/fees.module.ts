import { Module } from '@nestjs/common';
import { FeesController } from './fees.controllers';
import { FeesHandler } from './fees.handlers';
import { FeesRepository } from './fees.repository';

/** Fees: schedules per client and service, fees metered from events, monthly statements (0750-fees). */
@Module({
  controllers: [FeesController, FeesHandler],
  providers: [FeesRepository],
})
export class FeesModule {}
