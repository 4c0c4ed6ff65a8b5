import { z } from 'zod';
import { defineDocument } from '../define-document';
import { DateTimeSchema } from '../values/datetime.schema';
import { LocationSchema } from '../values/location.schema';
import { ConveyanceSchema } from './common.schema';
import { CutOffSchema } from './logistics-booking.schema';

/** A place and the planned time there. */
const PlannedCallSchema = z.strictObject({ location: LocationSchema, at: DateTimeSchema });

/** One leg of a routing: a vessel voyage, a barge, rail or truck move. */
const ScheduleLegSchema = z.strictObject({
  sequenceNo: z.number().int().nonnegative(),
  conveyance: ConveyanceSchema,
  /** The carrier's service code (e.g. "FE1") and name. */
  serviceCode: z.string().optional(),
  serviceName: z.string().optional(),
  departure: PlannedCallSchema,
  arrival: PlannedCallSchema,
});

/**
 * A carrier's sailing schedule between two places, as point-to-point routings (DCSA Commercial
 * Schedules 1.0): what a shipper picks from before booking. Planned times only; the shipment's
 * own milestones are ShipmentEvents.
 */
export const SailingScheduleSchema = z.strictObject({
  routings: z
    .array(
      z.strictObject({
        /** The carrier's number for this solution among those offered. */
        solutionNo: z.number().int().positive().optional(),
        placeOfReceipt: PlannedCallSchema,
        placeOfDelivery: PlannedCallSchema,
        transitTimeDays: z.number().int().nonnegative().optional(),
        cutOffs: z.array(CutOffSchema).optional(),
        legs: z.array(ScheduleLegSchema).min(1, 'a routing has at least one leg'),
      }),
    )
    .min(1, 'a schedule offers at least one routing'),
});
export type SailingSchedule = z.infer<typeof SailingScheduleSchema>;

export const SailingScheduleDocument = defineDocument({
  name: 'SailingSchedule',
  version: '1',
  schema: SailingScheduleSchema,
  defaultEventType: 'logistics.schedule.received',
  // A schedule is an offer, not part of a trade until a booking picks it.
  refs: () => ({}),
});
