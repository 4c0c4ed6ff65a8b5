import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiKeyGuard, CurrentPrincipal } from '../../auth/api-key.guard';
import type { Principal } from '../../auth/principal';
import { BookingRequestService } from './booking-request.service';
import { PlanService } from './plan.service';
import { ShipmentQueryService } from './shipment-query.service';
import { StockService } from './stock.service';

// Acting routes (book, SI, plans, thresholds) check operator role or a client key in the service:
// a client key may be a viewer key and still act for its own client.

@Controller('logistics/bookings')
@UseGuards(ApiKeyGuard)
export class BookingsController {
  constructor(private readonly bookings: BookingRequestService) {}

  /** Body: a canonical Booking plus `partnerId` (the carrier); 201, or 200 for a repeat. */
  @Post()
  async request(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.bookings.request(principal, body);
    void reply.status(result.created ? 201 : 200);
    return result;
  }

  @Get(':bookingNo')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('bookingNo') bookingNo: string,
    @Query('partnerId') partnerId?: string,
  ) {
    return this.bookings.get(principal, bookingNo, partnerId);
  }

  /** Body: a canonical ShippingInstruction (bookingNos defaults to this booking). */
  @Post(':bookingNo/shipping-instructions')
  @HttpCode(201)
  shippingInstructions(
    @CurrentPrincipal() principal: Principal,
    @Param('bookingNo') bookingNo: string,
    @Body() body: unknown,
  ) {
    return this.bookings.sendShippingInstructions(principal, bookingNo, body);
  }
}

@Controller('logistics/shipments')
@UseGuards(ApiKeyGuard)
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
@UseGuards(ApiKeyGuard)
export class PlansController {
  constructor(private readonly plans: PlanService) {}

  @Post()
  @HttpCode(201)
  create(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.plans.create(principal, body);
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.plans.get(principal, id);
  }
}

@Controller('logistics')
@UseGuards(ApiKeyGuard)
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get('stock')
  list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.stock.list(principal, query);
  }

  /** Body: `{ sku, threshold, warehouseCode?, clientId? }`; low stock is available <= threshold. */
  @Put('stock-thresholds')
  setThreshold(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.stock.setThreshold(principal, body);
  }
}
