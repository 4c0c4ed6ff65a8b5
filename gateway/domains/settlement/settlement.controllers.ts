import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import type { Principal } from '../../auth/principal';
import { Guarded } from '../../http/openapi';
import { ApiZodBody } from '../../http/zod-openapi';
import {
  ForwardSchema,
  FxSettlementSchema,
  InstructionRequestSchema,
  ManualAllocationSchema,
  RatesSchema,
  SettleSchema,
  SettlementApiService,
} from './settlement-api.service';

// Reads are client-scoped for every role; acting routes check operator role or the client's own key.

@Controller('settlement')
@Guarded('settlement')
export class SettlementController {
  constructor(private readonly settlement: SettlementApiService) {}

  /** Received payments; `?status=UNMATCHED` is the operator queue. */
  @Get('payments')
  payments(@CurrentPrincipal() principal: Principal, @Query('status') status?: string) {
    return this.settlement.listPayments(principal, status);
  }

  @Get('payments/:id')
  payment(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.settlement.payment(principal, id);
  }

  /** Body `{ invoiceNos }`: applies an unmatched payment to those open invoices. */
  @Post('payments/:id/allocations')
  @ApiZodBody(ManualAllocationSchema)
  @HttpCode(201)
  allocate(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    return this.settlement.allocate(principal, id, body);
  }

  /** Body `{ partnerId, instruction }`: a canonical PaymentInstruction sent to the bank (pain.001). */
  @Post('payment-instructions')
  @ApiZodBody(InstructionRequestSchema, 'instruction: a canonical PaymentInstruction')
  @HttpCode(202)
  instruct(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.settlement.instruct(principal, body);
  }

  /** Instructions per transfer, with the status the bank's reports gave. */
  @Get('payment-instructions')
  instructions(@CurrentPrincipal() principal: Principal) {
    return this.settlement.listInstructions(principal);
  }

  @Get('receivables')
  receivables(@CurrentPrincipal() principal: Principal, @Query('status') status?: string) {
    return this.settlement.listReceivables(principal, status);
  }

  /** Body `{ source, rates: [{ base, quote, date, rate }] }`: the rate table matching and FX read. */
  @Put('fx-rates')
  @ApiZodBody(RatesSchema)
  rates(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.settlement.putRates(principal, body);
  }

  /** Forwards with the open exposure per currency; `?status=OPEN` for open ones only. */
  @Get('fx-forwards')
  forwards(@CurrentPrincipal() principal: Principal, @Query('status') status?: string) {
    return this.settlement.forwards(principal, status);
  }

  @Post('fx-forwards')
  @ApiZodBody(ForwardSchema)
  @HttpCode(201)
  bookForward(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.settlement.bookForward(principal, body);
  }

  /** Body `{ spotRate }`: delivers the remainder at maturity and books the gain or loss. */
  @Post('fx-forwards/:id/settle')
  @ApiZodBody(SettleSchema)
  settleForward(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    return this.settlement.settleForward(principal, id, body);
  }

  /** Body `{ paymentId, bankRate, referenceRate }`: records 结汇 of a foreign-currency receipt. */
  @Post('fx-settlements')
  @ApiZodBody(FxSettlementSchema)
  @HttpCode(201)
  settleFx(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.settlement.settleFx(principal, body);
  }

  @Get('fx-settlements')
  fxSettlements(@CurrentPrincipal() principal: Principal) {
    return this.settlement.fxSettlements(principal);
  }
}
