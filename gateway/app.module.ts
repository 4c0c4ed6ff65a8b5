import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { AppConfig } from '../core/config/config';
import type { ConnectorCatalog } from '../core/connector/catalog';
import type { ConnectorManifest } from '../core/connector/contract';
import type { Logger } from '../core/logging/logger';
import { AuthModule } from './auth/auth.module';
import { ConnectorsModule } from './connectors/connectors.module';
import { ConsoleModule } from './console/console.module';
import { JsonErrorFilter } from './http/error.filter';
import { InboundController } from './inbound/inbound.controller';
import { WEBHOOK_VERIFIERS } from './inbound/inbound.tokens';
import { WebhookAuthRecorder } from './inbound/webhook-auth.recorder';
import { InfraModule } from './infra/infra.module';
import { CONNECTOR_CATALOG } from './infra/tokens';
import { MessagingModule } from './messaging/messaging.module';
import { NormalizerRuntime } from './normalizer/normalizer.runtime';
import { HealthController } from './operations/health.controller';
import { HousekeepingService } from './operations/housekeeping.service';
import { ApiKeysController } from './operator/api-keys.controller';
import { DeadLettersController } from './operator/dead-letters.controller';
import { MessageQueryService } from './operator/message-query.service';
import { MessagesController, TradesController } from './operator/messages.controller';
import { PartnersController } from './operator/partners.controller';
import { ReplayService } from './operator/replay.service';
import { OutboundModule } from './outbound/outbound.module';
import { RedeliveryService } from './outbound/redelivery.service';
import { OutboundMessagesController } from './outbound/outbound-messages.controller';
import { DomainsModule } from './domains/domains.module';

/** The gateway: entry points, normalizer, delivery, operator API and the domain handlers. */
@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    logger?: Logger,
    connectors?: readonly ConnectorManifest[],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfraModule.forRoot(config, logger, connectors),
        AuthModule,
        MessagingModule,
        OutboundModule,
        ConnectorsModule,
        DomainsModule,
        TerminusModule.forRoot({ logger: false }),
        ConsoleModule,
      ],
      controllers: [
        InboundController,
        MessagesController,
        TradesController,
        DeadLettersController,
        PartnersController,
        ApiKeysController,
        OutboundMessagesController,
        HealthController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: JsonErrorFilter },
        {
          provide: WEBHOOK_VERIFIERS,
          inject: [CONNECTOR_CATALOG],
          useFactory: (catalog: ConnectorCatalog) => catalog.webhookVerifiers(),
        },
        WebhookAuthRecorder,
        NormalizerRuntime,
        MessageQueryService,
        ReplayService,
        RedeliveryService,
        HousekeepingService,
      ],
    };
  }
}
