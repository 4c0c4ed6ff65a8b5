import { compareEntries, type Classifier } from './timeline-merge';
import type { LegMode, LegRefs, MilestoneSpec, PlanLeg } from './plan.schema';

export type LegStatus = 'planned' | 'in-transit' | 'arrived' | 'completed';
/** planned: nothing moved; arrived: the goods reached the last leg's end; delivered: all closed. */
export type PlanStatus = 'planned' | 'in-transit' | 'arrived' | 'delivered';

/** A milestone seen on a leg's references: a ShipmentEvent, or a warehouse inbound status. */
export interface Observation {
  /** The timeline identity of the event, or the inbound's key and status. */
  identity: string;
  code: string;
  location?: string;
  classifier: Classifier;
  at: string;
  /** When the source reported it; the newest estimate wins. */
  reportedAt: string;
}

/** A leg with its milestones, arrival and closing made explicit. */
export interface ResolvedLeg {
  seq: number;
  mode: LegMode;
  refs: LegRefs;
  milestones: MilestoneSpec[];
  arrival: MilestoneSpec;
  closing: MilestoneSpec;
}

type Place = string | undefined;
const at = (code: string, location: Place): MilestoneSpec =>
  location ? { code, location } : { code };

// Default milestones per mode (DCSA codes; IFTSTA rail codes AL/RL/AR/UR map onto the same).
const DEFAULTS: Record<LegMode, (from: Place, to: Place) => MilestoneSpec[]> = {
  SEA: (from, to) => [at('LOAD', from), at('DEPA', from), at('ARRI', to), at('DISC', to)],
  RAIL: (from, to) => [at('LOAD', from), at('DEPA', from), at('ARRI', to), at('DISC', to)],
  AIR: (from, to) => [at('DEPA', from), at('ARRI', to)],
  ROAD: (from, to) => [at('GTOT', from), at('DROP', to)],
  WAREHOUSE: () => [
    at('ARRIVED', undefined),
    at('RECEIVING', undefined),
    at('PUTAWAY_DONE', undefined),
  ],
};
const ARRIVAL_CODE: Record<LegMode, string> = {
  SEA: 'ARRI',
  RAIL: 'ARRI',
  AIR: 'ARRI',
  ROAD: 'DROP',
  WAREHOUSE: 'ARRIVED',
};

/** Fills a leg's milestones, arrival and closing from its mode where the plan left them out. */
export function resolveLeg(leg: PlanLeg, seq: number): ResolvedLeg {
  const defaults = DEFAULTS[leg.mode](leg.from?.unLocode, leg.to?.unLocode);
  const milestones = leg.milestones ?? defaults;
  const arrival =
    leg.arrival ?? milestones.find((m) => m.code === ARRIVAL_CODE[leg.mode]) ?? milestones.at(-1)!;
  return {
    seq,
    mode: leg.mode,
    refs: leg.refs,
    milestones,
    arrival,
    closing: leg.closing ?? milestones.at(-1)!,
  };
}

export function matches(spec: MilestoneSpec, obs: Observation): boolean {
  return spec.code === obs.code && (spec.location === undefined || spec.location === obs.location);
}

/** Whether an observation is one of the leg's milestones (expected, arrival or closing). */
export function belongsToLeg(leg: ResolvedLeg, obs: Observation): boolean {
  return [...leg.milestones, leg.arrival, leg.closing].some((s) => matches(s, obs));
}

/** A leg's status from its actual milestones; estimates and plans move nothing. */
export function legStatus(leg: ResolvedLeg, observations: readonly Observation[]): LegStatus {
  const actual = observations.filter((o) => o.classifier === 'ACT' && belongsToLeg(leg, o));
  if (actual.length === 0) return 'planned';
  if (actual.some((o) => matches(leg.closing, o))) return 'completed';
  const arrivalIndex = leg.milestones.findIndex((m) => m.code === leg.arrival.code);
  const reachedEnd = actual.some(
    (o) =>
      matches(leg.arrival, o) ||
      (arrivalIndex >= 0 && leg.milestones.findIndex((m) => matches(m, o)) > arrivalIndex),
  );
  return reachedEnd ? 'arrived' : 'in-transit';
}

/** The plan follows its legs; "arrived" means the goods reached the last leg's end. */
export function planStatus(legs: readonly LegStatus[]): PlanStatus {
  if (legs.every((s) => s === 'completed')) return 'delivered';
  if (legs.every((s) => s === 'planned')) return 'planned';
  const last = legs[legs.length - 1];
  return last === 'arrived' || last === 'completed' ? 'arrived' : 'in-transit';
}

export interface MilestoneView extends MilestoneSpec {
  estimatedAt?: string;
  actualAt?: string;
}

const best = (seen: readonly Observation[]) =>
  seen
    .map((o) => ({ ...o, eventDateTime: o.at, retracted: false }))
    .sort(compareEntries)
    .at(-1)?.at;

/** Each expected milestone with the newest estimate and the actual time seen for it. */
export function milestoneViews(leg: ResolvedLeg, observations: readonly Observation[]) {
  return leg.milestones.map((spec): MilestoneView => {
    const seen = observations.filter((o) => matches(spec, o));
    const actualAt = best(seen.filter((o) => o.classifier === 'ACT'));
    const estimatedAt = best(seen.filter((o) => o.classifier !== 'ACT'));
    return {
      ...spec,
      ...(estimatedAt ? { estimatedAt } : {}),
      ...(actualAt ? { actualAt } : {}),
    };
  });
}
