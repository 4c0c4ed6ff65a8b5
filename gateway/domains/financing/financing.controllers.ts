import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { LetterOfCreditSchema } from '../../../core/model/documents/banking-lc.schema';
import { BillOfLadingSchema } from '../../../core/model/documents/logistics-document.schema';
import { CertificateOfOriginSchema } from '../../../core/model/documents/customs-origin.schema';
import {
  CommercialInvoiceSchema,
  PackingListSchema,
} from '../../../core/model/documents/commerce.schema';
import { DateSchema } from '../../../core/model/values/datetime.schema';
import { MoneySchema } from '../../../core/model/values/money.schema';
import { QuantitySchema } from '../../../core/model/values/quantity.schema';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { Guarded } from '../../http/openapi';
import { ApiZodBody } from '../../http/zod-openapi';
import type { Principal } from '../../auth/principal';
import { PG_POOL } from '../../infra/tokens';
import { actingClient, scopeOf, visibleOr404 } from '../../auth/client-scope';
import { ClientIdSchema } from '../../http/common-schemas';
import { ClaimRepository } from '../rebate/claim.repository';
import { RebateAdvanceService } from './rebate-advance.service';
import { parseBody } from '../../http/parse-body';
import { LoanRepository } from './loan.repository';
import { examinePresentation } from './rules/lc-presentation';

/** An advance rebate payment (退税贷) against the client's ready rebate claim. */
const RebateAdvanceBody = z.strictObject({
  clientId: ClientIdSchema.optional(),
  claimNo: z.string().min(1),
});

const PresentationBody = z.strictObject({
  lc: LetterOfCreditSchema,
  goods: z
    .strictObject({
      quantity: QuantitySchema.optional(),
      aboutQuantity: z.boolean().optional(),
      aboutAmount: z.boolean().optional(),
    })
    .optional(),
  presentation: z.strictObject({
    presentedOn: DateSchema,
    place: z.string().optional(),
    invoices: z.array(CommercialInvoiceSchema),
    billsOfLading: z.array(BillOfLadingSchema),
    packingList: PackingListSchema.optional(),
    insurance: z
      .strictObject({
        certificateNo: z.string().min(1),
        issueDate: DateSchema,
        insuredAmount: MoneySchema,
      })
      .optional(),
    certificateOfOrigin: CertificateOfOriginSchema.optional(),
  }),
});

/** Loans (client-scoped) and the UCP 600 check of a presentation. */
@Controller('financing')
@Guarded('financing')
export class FinancingController {
  constructor(
    private readonly loans: LoanRepository,
    private readonly claims: ClaimRepository,
    private readonly advances: RebateAdvanceService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('loans')
  list(@CurrentPrincipal() principal: Principal) {
    return this.loans.list(this.pool, scopeOf(principal));
  }

  /**
   * Body `{ clientId?, claimNo }`: the decision with its reasons (CLAIM_NOT_READY,
   * ALREADY_ADVANCED, ...); an approval draws rate x expected refund. Another client's claim: 404.
   */
  @Post('rebate-advances')
  @HttpCode(200)
  @ApiZodBody(RebateAdvanceBody)
  async rebateAdvance(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    const b = parseBody(RebateAdvanceBody, body);
    const client = actingClient(principal, b.clientId);
    const claim = visibleOr404(
      principal,
      await this.claims.get(this.pool, b.claimNo, client),
      `rebate claim ${b.claimNo}`,
    );
    return this.advances.decide(claim, new Date());
  }

  /** Body `{ lc, goods?, presentation }`: the discrepancies, each with its UCP 600 article. */
  @Post('lc-presentations/check')
  @HttpCode(200)
  @ApiZodBody(PresentationBody)
  check(@Body() body: unknown) {
    const discrepancies = examinePresentation(parseBody(PresentationBody, body));
    return { complying: discrepancies.length === 0, discrepancies };
  }
}
