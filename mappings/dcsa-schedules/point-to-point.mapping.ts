import type { SailingSchedule } from '../../core/model/documents/logistics-schedule.schema';
import { jsonMapping } from '../json-support/json-mapping';
import { readPointToPoint } from './point-to-point.reader';

/** DCSA Commercial Schedules 1.0: the answer of GET /point-to-point-routes. */
export const DCSA_POINT_TO_POINT = 'dcsa.schedules.point-to-point';

/** DCSA point-to-point routings -> SailingSchedule, received when the carrier answered. */
export const dcsaPointToPointMapping = jsonMapping<SailingSchedule>({
  id: 'dcsa-commercial-schedules-1-point-to-point',
  messageType: DCSA_POINT_TO_POINT,
  documentType: 'SailingSchedule',
  eventType: 'logistics.schedule.received',
  read: ({ root, warnings }) => [readPointToPoint(root, warnings)],
  occurredAt: (_schedule, ctx) => ctx.receivedAt,
});
