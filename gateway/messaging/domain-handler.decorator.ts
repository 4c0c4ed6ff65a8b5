import { DiscoveryService } from '@nestjs/core';

/**
 * Marks a provider as an envelope handler (it implements EnvelopeHandler). The messaging
 * runtime finds every marked provider at boot and gives each its own queue and consumer.
 */
export const DomainHandler = DiscoveryService.createDecorator<void>();
