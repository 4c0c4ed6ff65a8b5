import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { amqpProviders } from './amqp.provider';
import { AMQP, TOPOLOGY } from './messaging.tokens';
import { MessagingRuntime } from './messaging.runtime';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [...amqpProviders, MessagingRuntime],
  exports: [AMQP, TOPOLOGY, MessagingRuntime],
})
export class MessagingModule {}
