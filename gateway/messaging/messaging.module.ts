import { Global, Module } from '@nestjs/common';
import { amqpProviders } from './amqp.provider';
import { EnvelopeTransport } from './envelope-transport/envelope.transport';
import { AMQP, TOPOLOGY } from './messaging.tokens';
import { MessagingRuntime } from './messaging.runtime';
import { readinessCheck } from '../operations/readiness';

@Global()
@Module({
  providers: [
    ...amqpProviders,
    EnvelopeTransport,
    MessagingRuntime,
    readinessCheck('rabbitmq', [MessagingRuntime], (m: MessagingRuntime) => async () => ({
      ok: m.connected,
    })),
  ],
  exports: [AMQP, TOPOLOGY, EnvelopeTransport, MessagingRuntime],
})
export class MessagingModule {}
