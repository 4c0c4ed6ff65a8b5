import { Module } from '@nestjs/common';
import { domainServices } from './domains';

/** Imports every domain service's module; each handler in them gets its own queue at boot. */
@Module({ imports: domainServices.map((domain) => domain.module) })
export class DomainsModule {}
