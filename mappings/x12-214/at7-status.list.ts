import type { StatusCodeEntry } from '../carrier-edifact/status-code.list';

/** A 214 status code: a DCSA event, and whether the carrier reports it as planned or estimated. */
export type At7StatusEntry = StatusCodeEntry & { classifier?: 'PLN' | 'EST' };

const arri = (description: string, classifier?: 'PLN' | 'EST'): At7StatusEntry => ({
  eventKind: 'TRANSPORT',
  eventCode: 'ARRI',
  description,
  ...(classifier && { classifier }),
});
const depa = (description: string): At7StatusEntry => ({
  eventKind: 'TRANSPORT',
  eventCode: 'DEPA',
  description,
});
const equipment = (eventCode: string, description: string): At7StatusEntry => ({
  eventKind: 'EQUIPMENT',
  eventCode,
  emptyIndicator: 'LADEN',
  description,
});

/**
 * Default list for AT701, the X12 shipment status code (data element 1650, 004010 code list)
 * that motor carriers send in the 214. These are the codes of a drayage or truckload move of an
 * ocean container (pick-up at the terminal, line haul, delivery): arrivals and departures are
 * TRANSPORT events, the box handed over or taken is an EQUIPMENT event. Appointments (AA, AB)
 * are planned, estimates (AG, X2) estimated; the others are actual. A partner adds or replaces
 * codes with `statusCodes` in its settings, as for the 315.
 */
export const AT7_STATUS_CODES: Readonly<Record<string, At7StatusEntry>> = {
  X3: arri('Arrived at pick-up location'),
  AF: depa('Carrier departed pick-up location with shipment'),
  X4: arri('Arrived at terminal location'),
  P1: depa('Departed terminal location'),
  X1: arri('Arrived at delivery location'),
  CD: depa('Carrier departed delivery location'),
  AA: arri('Pick-up appointment date and/or time', 'PLN'),
  AB: arri('Delivery appointment date and/or time', 'PLN'),
  AG: arri('Estimated delivery', 'EST'),
  X2: arri("Estimated date and/or time of arrival at consignee's location", 'EST'),
  // The box changes hands: loaded at pick-up, unloaded at delivery.
  D1: equipment('DROP', 'Completed unloading at delivery location'),
  CP: equipment('PICK', 'Completed loading at pick-up location'),
};
