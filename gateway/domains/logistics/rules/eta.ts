import type { Classifier } from './timeline-merge';

/** A shipment's arrival time at its port of discharge and how sure it is. */
export interface Eta {
  at: string;
  classifier: Classifier;
  unLocode?: string;
  /** The timeline entry it comes from. */
  identity: string;
}

/** A current TRANSPORT ARRI entry of a shipment's timeline. */
export interface ArrivalEntry {
  identity: string;
  classifier: Classifier;
  eventDateTime: string;
  unLocode?: string;
}

/**
 * The ETA: the current arrival at the port of discharge when it is known, else the last
 * arrival of the voyage (a transhipment port comes before the discharge port).
 */
export function shipmentEta(
  arrivals: readonly ArrivalEntry[],
  portOfDischarge?: string,
): Eta | undefined {
  const atPod = portOfDischarge ? arrivals.filter((a) => a.unLocode === portOfDischarge) : arrivals;
  const last = [...atPod].sort((a, b) => Date.parse(a.eventDateTime) - Date.parse(b.eventDateTime))[
    atPod.length - 1
  ];
  if (!last) return undefined;
  return {
    at: last.eventDateTime,
    classifier: last.classifier,
    identity: last.identity,
    ...(last.unLocode ? { unLocode: last.unLocode } : {}),
  };
}

const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

/**
 * Whether the ETA moved: both known and a minute or more apart. A first ETA is no move, nor is
 * an actual arrival at the estimated minute (the time stands; only its certainty grew).
 */
export function etaMoved(before: Eta | undefined, after: Eta | undefined): boolean {
  return before !== undefined && after !== undefined && minute(before.at) !== minute(after.at);
}
