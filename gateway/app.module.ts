import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { AppConfig } from '../core/config/config';
import type { Logger } from '../core/logging/logger';
import { genericWebhookVerifier } from '../connectors/http-generic/transport/generic-webhook.verifier';
import { ConnectorsModule } from './connectors/connectors.module';
import { dcsaWebhookVerifier } from '../connectors/carrier-dcsa';
import { warehouseWebhookVerifier } from '../connectors/warehouse-rest';
import { JsonErrorFilter } from './http/error.filter';
import { InboundController } from './inbound/inbound.controller';
import { WEBHOOK_VERIFIERS } from './inbound/inbound.tokens';
import { InfraModule } from './infra/infra.module';
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
  static forRoot(config: AppConfig, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfraModule.forRoot(config, logger),
        MessagingModule,
        OutboundModule,
        ConnectorsModule,
        DomainsModule,
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
          useValue: new Map(
            [genericWebhookVerifier, dcsaWebhookVerifier, warehouseWebhookVerifier].map((v) => [
              v.connector,
              v,
            ]),
          ),
        },
        NormalizerRuntime,
        MessageQueryService,
        ReplayService,
        RedeliveryService,
        HousekeepingService,
      ],
    };
  }
}
