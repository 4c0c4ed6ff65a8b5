import { Module } from '@nestjs/common';
import { ClaimRepository } from './claim.repository';
import { ClaimsService } from './claims.service';
import { RebateClaimsController } from './rebate-claims.controllers';
import { RebateController } from './rebate.controllers';
import { RebateHandler } from './rebate.handlers';
import { RebateRepository } from './rebate.repository';
import { RebateVatInvoicesController } from './rebate-vat-invoices.controllers';
import { VatInvoiceRepository } from './vat-invoice.repository';

/** Export VAT rebate: declarations, VAT invoice matching, readiness, claims and refunds (0650-0652). */
@Module({
  controllers: [
    RebateController,
    RebateVatInvoicesController,
    RebateClaimsController,
    RebateHandler,
  ],
  providers: [RebateRepository, VatInvoiceRepository, ClaimRepository, ClaimsService],
  // Financing reads a claim's readiness to decide an advance rebate payment.
  exports: [ClaimRepository],
})
export class RebateModule {}
