import { Module } from '@nestjs/common';
import { ClearanceController, DeclarationsController } from './clearance.controllers';
import { ClearanceQueryService } from './clearance-query.service';
import {
  ClearanceReceiptsHandler,
  ClearanceReversalsHandler,
  ClearanceSourcesHandler,
} from './clearance.handlers';
import { ClearanceRepository } from './clearance.repository';
import { ClearanceService } from './clearance.service';
import { CLEARANCE_SETTINGS, clearanceSettings } from './clearance.settings';
import { ComplianceService } from './compliance.service';
import { OrderReversalService } from './order-reversal.service';
import { ReceiptsService } from './receipts.service';
import { SummaryScheduler } from './summary.scheduler';
import { SummaryRepository } from './summary.repository';
import { SummaryService } from './summary.service';
import { CustomsOutbox } from './customs-outbox';
import { SubmissionRepository } from './submission.repository';

/**
 * Clearance: export declarations drafted from order, invoice, packing list and booking,
 * submitted to the China Single Window, tracked by receipts; qualification agency, origin and
 * tariff planning, compliance alerts. Own tables (migrations 0300-clearance).
 */
@Module({
  controllers: [
    DeclarationsController,
    ClearanceController,
    ClearanceSourcesHandler,
    ClearanceReversalsHandler,
    ClearanceReceiptsHandler,
  ],
  providers: [
    { provide: CLEARANCE_SETTINGS, useFactory: () => clearanceSettings() },
    CustomsOutbox,
    SubmissionRepository,
    ClearanceRepository,
    SummaryRepository,
    ComplianceService,
    ClearanceService,
    ClearanceQueryService,
    ReceiptsService,
    OrderReversalService,
    SummaryService,
    SummaryScheduler,
  ],
})
export class ClearanceModule {}
