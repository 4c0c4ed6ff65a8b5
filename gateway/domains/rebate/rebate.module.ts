import { Module } from '@nestjs/common';
import { RebateController } from './rebate.controllers';
import { RebateHandler } from './rebate.handlers';
import { RebateRepository } from './rebate.repository';
import { RebateVatInvoicesController } from './rebate-vat-invoices.controllers';
import { VatInvoiceRepository } from './vat-invoice.repository';

/** Export VAT rebate: declarations, VAT invoice matching, readiness (0650-rebate). */
@Module({
  controllers: [RebateController, RebateVatInvoicesController, RebateHandler],
  providers: [RebateRepository, VatInvoiceRepository],
})
export class RebateModule {}
