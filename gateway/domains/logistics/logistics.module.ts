import { Module } from '@nestjs/common';
import { OutboundModule } from '../../outbound/outbound.module';
import { BookingFactsService } from './booking-facts.service';
import { BookingRequestService } from './booking-request.service';
import {
  BookingsController,
  PlansController,
  ShipmentsController,
  StockController,
} from './logistics.controllers';
import {
  LogisticsBookingHandler,
  ShipmentTimelineHandler,
  WarehouseStockHandler,
} from './logistics.handlers';
import { BookingRepository } from './booking.repository';
import { PlanRepository } from './plan.repository';
import { PlanService } from './plan.service';
import { ShipmentQueryService } from './shipment-query.service';
import { ShipmentRepository } from './shipment.repository';
import { StockRepository } from './stock.repository';
import { StockService } from './stock.service';
import { TimelineRepository } from './timeline.repository';
import { TimelineService } from './timeline.service';

/**
 * Logistics: bookings with carriers, shipment timelines, door-to-door plans and overseas
 * warehouse stock. Three envelope handler controllers (own queues), the operator/client API,
 * own tables (migrations 0200-logistics-*) and the repositories over them.
 */
@Module({
  imports: [OutboundModule],
  controllers: [
    BookingsController,
    ShipmentsController,
    PlansController,
    StockController,
    LogisticsBookingHandler,
    ShipmentTimelineHandler,
    WarehouseStockHandler,
  ],
  providers: [
    BookingRepository,
    ShipmentRepository,
    TimelineRepository,
    PlanRepository,
    StockRepository,
    BookingFactsService,
    BookingRequestService,
    TimelineService,
    PlanService,
    ShipmentQueryService,
    StockService,
  ],
})
export class LogisticsModule {}
