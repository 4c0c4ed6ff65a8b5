import { Module } from '@nestjs/common';
import { DueDeclarationsRepository } from './due-declarations.repository';
import { InsuranceClock } from './insurance-clock';
import { InsuranceFilingsController } from './insurance-filings.controllers';
import { InsuranceFilingsRepository } from './insurance-filings.repository';
import { InsuranceFilingsService } from './insurance-filings.service';
import { InsuranceController } from './insurance.controllers';
import { InsuranceHandler } from './insurance.handlers';
import { InsuranceRepository } from './insurance.repository';
import { InsuranceScheduler } from './insurance.scheduler';
import { ShipmentDeclarationService } from './shipment-declaration.service';
import { SinosurePartner } from './sinosure-partner';

/**
 * Credit insurance: policies, buyer limits, shipment declarations sent by a scheduled run,
 * possible-loss notices and claims to Sinosure (0700-insurance, 0701-insurance-schedule).
 */
@Module({
  controllers: [InsuranceController, InsuranceFilingsController, InsuranceHandler],
  providers: [
    InsuranceRepository,
    DueDeclarationsRepository,
    InsuranceFilingsRepository,
    InsuranceFilingsService,
    ShipmentDeclarationService,
    SinosurePartner,
    InsuranceClock,
    InsuranceScheduler,
  ],
})
export class InsuranceModule {}
