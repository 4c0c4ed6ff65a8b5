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
import { PremiumBillsController } from './premium-bills.controllers';
import { PremiumBillsRepository } from './premium-bills.repository';
import { PremiumBillsService } from './premium-bills.service';
import { PremiumPaymentsService } from './premium-payments.service';
import { ShipmentDeclarationService } from './shipment-declaration.service';
import { SinosurePartner } from './sinosure-partner';

/**
 * Credit insurance: policies, buyer limits, shipment declarations sent by a scheduled run,
 * possible-loss notices and claims to Sinosure, premium bills reconciled (0700-0702).
 */
@Module({
  controllers: [
    InsuranceController,
    InsuranceFilingsController,
    PremiumBillsController,
    InsuranceHandler,
  ],
  providers: [
    InsuranceRepository,
    DueDeclarationsRepository,
    InsuranceFilingsRepository,
    InsuranceFilingsService,
    ShipmentDeclarationService,
    SinosurePartner,
    InsuranceClock,
    InsuranceScheduler,
    PremiumBillsRepository,
    PremiumBillsService,
    PremiumPaymentsService,
  ],
})
export class InsuranceModule {}
