import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  Inject,
  Param,
  Put,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';
import { DateTimeSchema } from '../../../core/model/values/datetime.schema';
import { PositiveMoneySchema } from '../../../core/model/values/money.schema';
import { inTransaction } from '../../../core/storage/database';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { actingClient } from '../../auth/client-scope';
import type { Principal } from '../../auth/principal';
import { Guarded } from '../../http/openapi';
import { parseBody } from '../../http/parse-body';
import { ApiZodBody } from '../../http/zod-openapi';
import { PG_POOL } from '../../infra/tokens';
import { publishSettlementEvent } from '../settlement/settlement-events';
import { FEES_CONNECTOR, FREIGHT_SOLD, type FreightSold } from './fees-events';
import { FreightRepository } from './freight.repository';
import { shipmentKey } from './rules/freight-margin';

const FreightSaleSchema = z
  .strictObject({
    /** The carrier as its freight bills name it: the SCAC (else its partner id). */
    carrier: z.string().min(2).max(64),
    blNo: z.string().min(1).max(35).optional(),
    bookingNo: z.string().min(1).max(35).optional(),
    /** What the platform charges the client for the shipment's freight. */
    sold: PositiveMoneySchema,
    soldAt: DateTimeSchema,
  })
  .refine((s) => (s.blNo === undefined) !== (s.bookingNo === undefined), {
    message: 'name the shipment by exactly one of blNo or bookingNo',
    path: ['blNo'],
  });

/** Sold freight per client and shipment (operators), the sold side of the freight margin. */
@Controller('fees')
@Guarded('fees')
export class FreightSalesController {
  constructor(
    private readonly freight: FreightRepository,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /**
   * Body `{ carrier, blNo | bookingNo, sold, soldAt }`. Recorded and published as
   * `fees.freight.sold`; the margin is metered once the carrier's bill is known too. Putting
   * it again (same price) retries a bill that waited for an FX rate; 409 once metered at
   * another price.
   */
  @Put('freight-sales/:clientId')
  @ApiZodBody(FreightSaleSchema)
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('clientId') clientId: string,
    @Body() body: unknown,
  ) {
    if (principal.clientId !== null) throw new ForbiddenException('operators record freight sales');
    actingClient(principal, clientId);
    const input = parseBody(FreightSaleSchema, body);
    const key = input.blNo
      ? shipmentKey(input.carrier, 'BL', input.blNo)
      : shipmentKey(input.carrier, 'BKG', input.bookingNo!);
    const sale: FreightSold = { clientId, shipmentKey: key, ...input };
    return inTransaction(this.pool, async (tx) => {
      const known = await this.freight.sale(tx, clientId, key);
      const same =
        known?.sold.amount === input.sold.amount && known.sold.currency === input.sold.currency;
      if (known?.meteredRef && !same)
        throw new ConflictException(
          `the freight margin of ${key} is metered at ${known.sold.currency} ${known.sold.amount}`,
        );
      await this.freight.putSale(tx, sale);
      await publishSettlementEvent(tx, {
        connector: FEES_CONNECTOR,
        type: FREIGHT_SOLD,
        documentType: 'FreightSold',
        payload: sale,
        refs: input.blNo ? { blNo: [input.blNo] } : { bookingNo: [input.bookingNo!] },
        clientId,
      });
      return sale;
    });
  }

  /** A client's freight sales with the carriers' bills found: counted, or pending with why. */
  @Get('freight-sales/:clientId')
  list(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string) {
    if (principal.clientId !== null) actingClient(principal, clientId);
    return this.freight.list(this.pool, clientId);
  }
}
