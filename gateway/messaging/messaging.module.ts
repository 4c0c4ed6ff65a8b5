import { Global, Module } from '@nestjs/common';
import { amqpProviders } from './amqp.provider';
import { EnvelopeTransport } from './envelope-transport/envelope.transport';
import { AMQP, TOPOLOGY } from './messaging.tokens';
import { MessagingRuntime } from './messaging.runtime';

@Global()
@Module({
  providers: [...amqpProviders, EnvelopeTransport, MessagingRuntime],
  exports: [AMQP, TOPOLOGY, EnvelopeTransport, MessagingRuntime],
})
export class MessagingModule {}
