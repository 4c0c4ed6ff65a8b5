import type { Pool, PoolClient } from 'pg';

/** A pool or a client inside a transaction: repositories take either. */
export type Queryable = Pool | PoolClient;
