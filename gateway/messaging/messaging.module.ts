import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { amqpProviders } from './amqp.provider';
import { AMQP, TOPOLOGY } from './messaging.tokens';
import { MessagingRuntime } from './messaging.runtime';
import { readinessCheck } from '../operations/readiness';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    ...amqpProviders,
    MessagingRuntime,
    readinessCheck('rabbitmq', [MessagingRuntime], (m: MessagingRuntime) => async () => ({
      ok: m.connected,
    })),
  ],
  exports: [AMQP, TOPOLOGY, MessagingRuntime],
})
export class MessagingModule {}
