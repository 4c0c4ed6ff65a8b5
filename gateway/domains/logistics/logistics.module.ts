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
import { PlanService } from './plan.service';
import { ShipmentQueryService } from './shipment-query.service';
import { StockService } from './stock.service';
import { TimelineService } from './timeline.service';

/**
 * Logistics: bookings with carriers, shipment timelines, door-to-door plans and overseas
 * warehouse stock. Three domain handlers (own queues), the operator/client API, own tables
 * (migrations 0200-logistics-*).
 */
@Module({
  imports: [OutboundModule],
  controllers: [BookingsController, ShipmentsController, PlansController, StockController],
  providers: [
    BookingFactsService,
    BookingRequestService,
    TimelineService,
    PlanService,
    ShipmentQueryService,
    StockService,
    LogisticsBookingHandler,
    ShipmentTimelineHandler,
    WarehouseStockHandler,
  ],
})
export class LogisticsModule {}
