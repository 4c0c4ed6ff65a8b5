import { z } from 'zod';
import { ContainerNoSchema } from '../../../../core/model/values/container-no';
import { DateTimeSchema } from '../../../../core/model/values/datetime.schema';
import { LocationSchema, UnLocodeSchema } from '../../../../core/model/values/location.schema';

/** How a leg moves the goods; WAREHOUSE is the inbound into an overseas warehouse. */
export const LegModeSchema = z.enum(['SEA', 'RAIL', 'ROAD', 'AIR', 'WAREHOUSE']);
export type LegMode = z.infer<typeof LegModeSchema>;

/**
 * A milestone a leg expects: a DCSA event code (LOAD, DEPA, ARRI, DISC, GTOT, DROP ...) or, on
 * a warehouse leg, a canonical inbound status (ARRIVED, RECEIVING, PUTAWAY_DONE).
 */
export const MilestoneSpecSchema = z.strictObject({
  code: z.string().regex(/^[A-Z_]{3,20}$/, 'an event code (ARRI) or inbound status (ARRIVED)'),
  /** UN/LOCODE where it happens; any place when absent. */
  location: UnLocodeSchema.optional(),
  expectedAt: DateTimeSchema.optional(),
});
export type MilestoneSpec = z.infer<typeof MilestoneSpecSchema>;

/** The references the leg's events are found by. */
export const LegRefsSchema = z
  .strictObject({
    blNo: z.string().min(1).optional(),
    bookingNo: z.string().min(1).optional(),
    containerNos: z.array(ContainerNoSchema).optional(),
    asnNo: z.string().min(1).optional(),
    trackingNos: z.array(z.string().min(1)).optional(),
  })
  .refine((r) => Object.values(r).some((v) => (Array.isArray(v) ? v.length > 0 : v)), {
    error: 'a leg needs a reference to follow: blNo, bookingNo, containerNos, asnNo or trackingNos',
  });
export type LegRefs = z.infer<typeof LegRefsSchema>;

export const PlanLegSchema = z.strictObject({
  mode: LegModeSchema,
  /** Who runs the leg: a partner id, or a carrier's name/SCAC. */
  carrier: z.string().min(1).optional(),
  from: LocationSchema.optional(),
  to: LocationSchema.optional(),
  refs: LegRefsSchema,
  /** Expected milestones in order; the mode's defaults (plan-status.ts) when absent. */
  milestones: z.array(MilestoneSpecSchema).min(1).optional(),
  /** The milestone that means the goods reached the leg's end; the mode's default when absent. */
  arrival: MilestoneSpecSchema.optional(),
  /** The milestone that closes the leg; the mode's default when absent. */
  closing: MilestoneSpecSchema.optional(),
});
export type PlanLeg = z.infer<typeof PlanLegSchema>;

/** A door-to-door plan: e.g. China-Europe Railway then truck, or sea then warehouse inbound. */
export const DoorToDoorPlanSchema = z.strictObject({
  reference: z.string().min(1).max(100),
  /** Set by operators; a client key's own client is used otherwise. */
  clientId: z.string().min(1).optional(),
  orderNos: z.array(z.string().min(1)).optional(),
  legs: z.array(PlanLegSchema).min(1, 'a plan has at least one leg'),
  remarks: z.string().optional(),
});
export type DoorToDoorPlan = z.infer<typeof DoorToDoorPlanSchema>;
