import type { Type } from '@nestjs/common';
import type { Migration } from '../../core/storage/migration';

/**
 * What a domain service brings to the gateway: its Nest module (handlers, controllers,
 * repositories, services) and its own tables. The gateway wires every entry of `domainServices`
 * and names no domain anywhere else.
 */
export interface DomainService {
  /** Folder name under gateway/domains/. */
  name: string;
  module: Type<unknown>;
  /** Own schema changes, in the domain's id range (see the domain README). */
  migrations: readonly Migration[];
}
