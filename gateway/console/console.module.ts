import { Module } from '@nestjs/common';
import { BacklogsReader } from './backlogs';
import { BullBoardMount } from './bull-board';
import { AuditController, ConsoleApiController } from './console-api.controller';
import { ConsoleStaticController } from './console-static.controller';

/** The operator console: its extra API (counts, acks, stream, audit) and its built web app. */
@Module({
  controllers: [ConsoleApiController, AuditController, ConsoleStaticController],
  providers: [BullBoardMount, BacklogsReader],
})
export class ConsoleModule {}
