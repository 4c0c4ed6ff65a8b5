import { z } from 'zod';

/** A client id as stored (`clients.id`): never empty, so it cannot reach a query as ''. */
export const ClientIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a client id: lowercase letters, digits and -');
