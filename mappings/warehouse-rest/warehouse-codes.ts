import type {
  FulfillmentEvent,
  WarehouseInbound,
} from '../../core/model/documents/warehouse.schema';

/** Status and code tables of warehouse-api.md (4PX dialect, ShipBob dialect). */

type InboundStatus = WarehouseInbound['status'];
type OutboundStatus = FulfillmentEvent['status'];

/** 4PX inbound codes; G/V/K depend on where goods are received (see firstLegStatus). */
export const FPX_INBOUND: Record<string, InboundStatus> = {
  N: 'DRAFT',
  S: 'SUBMITTED',
  A: 'SUBMITTED',
  B: 'SUBMITTED',
  F: 'SUBMITTED',
  R: 'EXCEPTION',
  G: 'RECEIVING',
  V: 'RECEIVING',
  K: 'RECEIVING',
  H: 'IN_TRANSIT',
  P: 'RECEIVING',
  C: 'PUTAWAY_DONE',
  E: 'EXCEPTION',
  X: 'CANCELLED',
  D: 'CANCELLED',
};
/** Received, inspected at 4PX's origin warehouse: for the destination, still on the way. */
export const FPX_ORIGIN_STAGES = ['G', 'V', 'K'];

export const FPX_RETURN: Record<string, InboundStatus> = {
  A: 'IN_TRANSIT',
  R: 'ARRIVED',
  P: 'RECEIVING',
  C: 'PUTAWAY_DONE',
  E: 'EXCEPTION',
  X: 'CANCELLED',
};

export const FPX_OUTBOUND: Record<string, OutboundStatus> = {
  N: 'DRAFT',
  S: 'PICKING',
  P: 'PACKED',
  C: 'SHIPPED',
  X: 'CANCELLED',
  D: 'CANCELLED',
  E: 'EXCEPTION',
};
export const FPX_EXCEPTIONS: Record<string, string> = {
  G: 'account in arrears',
  B: 'billing exception',
  R: 'audit failed',
  S: 'out of stock',
};

export const SHIPBOB_WRO: Record<string, InboundStatus> = {
  Awaiting: 'SUBMITTED',
  ArrivedAtHub: 'IN_TRANSIT',
  PartiallyArrivedAtHub: 'IN_TRANSIT',
  ProcessingAtHub: 'IN_TRANSIT',
  InternalTransfer: 'IN_TRANSIT',
  Arrived: 'ARRIVED',
  PartiallyArrived: 'ARRIVED',
  Processing: 'RECEIVING',
  Completed: 'PUTAWAY_DONE',
  Incomplete: 'PARTIAL',
  Cancelled: 'CANCELLED',
};

/** 4PX transport_type <-> canonical transport mode. */
export const FPX_TRANSPORT = {
  SEA: 'SEA',
  AIR: 'AIR',
  TRUCK: 'ROAD',
  RAIL: 'RAIL',
  EXPRESS: 'POST',
} as const;
export type FpxTransport = keyof typeof FPX_TRANSPORT;
export const FPX_TRANSPORT_CODES = Object.keys(FPX_TRANSPORT) as FpxTransport[];

export const STOCK_QUALITIES = ['G', 'B'] as const;
export const DIALECTS = ['4px', 'shipbob'] as const;
export type Dialect = (typeof DIALECTS)[number];
