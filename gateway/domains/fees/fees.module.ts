import { Module } from '@nestjs/common';
import { FxRepository } from '../settlement/fx.repository';
import { FeesController } from './fees.controllers';
import { FeesHandler } from './fees.handlers';
import { FeesRepository } from './fees.repository';
import { FreightMarginService } from './freight-margin.service';
import { FreightRepository } from './freight.repository';
import { FreightSalesController } from './freight-sales.controllers';

/**
 * Fees: schedules per client and service, fees and margins metered from events, monthly
 * statements (0750-fees, 0751-fees-freight-margin). The FX rate table is settlement's, read only.
 */
@Module({
  controllers: [FeesController, FreightSalesController, FeesHandler],
  providers: [FeesRepository, FreightRepository, FreightMarginService, FxRepository],
})
export class FeesModule {}
