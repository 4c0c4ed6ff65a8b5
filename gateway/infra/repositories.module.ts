import { Global, Module } from '@nestjs/common';
import { ApiKeyRepository } from '../../core/storage/api-key.repository';
import { DocumentRepository } from '../../core/storage/document.repository';
import { MessageRepository } from '../../core/storage/message.repository';
import { OutboundQueue } from '../../core/outbound/outbound-queue';
import { PartnerRepository } from '../../core/storage/partner.repository';

// core/ knows nothing of Nest: its repositories are plain classes, provided here.
const coreRepositories = [
  MessageRepository,
  DocumentRepository,
  ApiKeyRepository,
  PartnerRepository,
];

/** The shared stores' repositories, injectable everywhere; domain repositories stay in their module. */
@Global()
@Module({
  providers: [
    ...coreRepositories,
    {
      provide: OutboundQueue,
      inject: [MessageRepository],
      useFactory: (messages: MessageRepository) => new OutboundQueue(messages),
    },
  ],
  exports: [...coreRepositories, OutboundQueue],
})
export class RepositoriesModule {}
