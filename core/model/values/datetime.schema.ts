import { z } from 'zod';

/** ISO 8601 date-time that carries its zone ('Z' or an offset); local times are refused. */
export const DateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with zone, e.g. 2025-03-01T08:30:00+08:00',
});

/** Calendar date (export date, value date, expiry): ISO 8601 YYYY-MM-DD. */
export const DateSchema = z.iso.date({ error: 'must be an ISO 8601 date YYYY-MM-DD' });
