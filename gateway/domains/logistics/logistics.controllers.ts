import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ClientIdSchema } from '../../http/common-schemas';
import { ApiZodBody, ApiZodQuery } from '../../http/zod-openapi';
import { BookingSchema } from '../../../core/model/documents/logistics-booking.schema';
import { ShippingInstructionSchema } from '../../../core/model/documents/logistics-document.schema';
import { ZodPipe } from '../../http/zod-pipe';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { Guarded } from '../../http/openapi';
import type { Principal } from '../../auth/principal';
import {
  BookingRequestService,
  BookingRequestInput,
  ShippingInstructionInput,
} from './booking-request.service';
import { PlanService } from './plan.service';
import { ShipmentQueryService } from './shipment-query.service';
import { StockService, ThresholdInput } from './stock.service';
import { DoorToDoorPlanSchema } from './rules/plan.schema';

// What the OpenAPI description shows: the canonical document with the request's own fields. The
// service checks those fields (400 by JSON pointer) and then the document (422 by JSON pointer).
const BookingRequestDoc = BookingSchema.safeExtend(BookingRequestInput.shape);
const ShippingInstructionDoc = ShippingInstructionSchema.safeExtend(ShippingInstructionInput.shape);

const BookingQuery = z.object({
  partnerId: z.string().min(1).optional(),
  clientId: ClientIdSchema.optional(),
});

// Acting routes (book, SI, plans, thresholds) check operator role or a client key in the service:
// a client key may be a viewer key and still act for its own client.

@Controller('logistics/bookings')
@Guarded('logistics')
export class BookingsController {
  constructor(private readonly bookings: BookingRequestService) {}

  /** Body: a canonical Booking plus `partnerId` (the carrier); 201, or 200 for a repeat. */
  @Post()
  @ApiZodBody(BookingRequestDoc, 'a canonical Booking plus the carrier (partnerId)')
  async request(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.bookings.request(principal, body);
    void reply.status(result.created ? 201 : 200);
    return result;
  }

  /** By carrier booking no., the reference the carrier was sent, or the client's own. */
  @Get(':bookingNo')
  @ApiZodQuery(BookingQuery)
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('bookingNo') bookingNo: string,
    @Query(new ZodPipe(BookingQuery)) query: z.infer<typeof BookingQuery>,
  ) {
    return this.bookings.get(principal, bookingNo, query);
  }

  /** Body: a canonical ShippingInstruction (bookingNos defaults to this booking). */
  @Post(':bookingNo/shipping-instructions')
  @HttpCode(201)
  @ApiZodBody(
    ShippingInstructionDoc,
    'a canonical ShippingInstruction; bookingNos defaults to this booking',
  )
  shippingInstructions(
    @CurrentPrincipal() principal: Principal,
    @Param('bookingNo') bookingNo: string,
    @Body() body: unknown,
  ) {
    return this.bookings.sendShippingInstructions(principal, bookingNo, body);
  }
}

@Controller('logistics/shipments')
@Guarded('logistics')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentQueryService) {}

  /** Shipments a reference of any kind names: B/L, container, booking, request reference. */
  @Get()
  byRef(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.shipments.byRef(principal, query);
  }

  /** The B/L's timeline with the sources of every entry; `?container=` narrows to one box. */
  @Get(':blNo')
  timeline(
    @CurrentPrincipal() principal: Principal,
    @Param('blNo') blNo: string,
    @Query() query: unknown,
  ) {
    return this.shipments.timeline(principal, blNo, query);
  }
}

@Controller('logistics/plans')
@Guarded('logistics')
export class PlansController {
  constructor(private readonly plans: PlanService) {}

  @Post()
  @HttpCode(201)
  @ApiZodBody(DoorToDoorPlanSchema)
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.plans.create(principal, body);
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.plans.get(principal, id);
  }
}

@Controller('logistics')
@Guarded('logistics')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get('stock')
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.stock.list(principal, query);
  }

  /** Body: `{ sku, threshold, warehouseCode?, clientId? }`; low stock is available <= threshold. */
  @Put('stock-thresholds')
  @ApiZodBody(ThresholdInput)
  setThreshold(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.stock.setThreshold(principal, body);
  }
}
