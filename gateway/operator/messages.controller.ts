import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { TRADE_REF_KINDS } from '../../core/model/trade-refs';
import { CurrentPrincipal, RequireRole } from '../auth/api-key.guard';
import { Guarded } from '../http/openapi';
import type { Principal } from '../auth/principal';
import { ClientIdSchema } from '../http/common-schemas';
import { ApiZodQuery, ApiZodResponse } from '../http/zod-openapi';
import { UuidSchema, ZodPipe } from '../http/zod-pipe';
import { MessageQueryService } from './message-query.service';
import { ReplayService } from './replay.service';

const isoTime = z.iso.datetime({ offset: true });

/** The keyset cursor a page answered with: `<receivedAt>|<id>`. */
const Cursor = z.string().refine(
  (v) => {
    const [at, id, ...rest] = v.split('|');
    return rest.length === 0 && isoTime.safeParse(at).success && UuidSchema.safeParse(id).success;
  },
  { message: 'not a cursor this API gave (`nextCursor`)' },
);

const SearchQuery = z.object({
  partnerId: z.string().optional(),
  clientId: ClientIdSchema.optional(),
  direction: z.enum(['in', 'out']).optional(),
  messageType: z.string().optional(),
  format: z.string().optional(),
  state: z.string().optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  ref: z.string().optional(),
  refKind: z.enum(TRADE_REF_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: Cursor.optional(),
});

const MissingPieceSchema = z.object({
  domain: z.string().describe('owning domain: clearance, logistics, settlement, insurance, rebate'),
  code: z.string().describe('rule code, e.g. clearance.customs-release'),
  label: z.object({ en: z.string(), zh: z.string() }),
  subject: z.string().optional().describe('the document concerned: invoiceNo, declarationNo ...'),
  detail: z.string().optional(),
  due: z.iso.date().optional().describe('due date (China date) when known'),
  daysLeft: z.number().int().optional().describe('days from today to due; negative when overdue'),
  overdue: z.boolean(),
});

const TradeMissingSchema = z.object({
  ref: z.string(),
  today: z.iso.date().describe('the China date the deadlines are counted from'),
  refs: z.array(z.object({ kind: z.string(), value: z.string() })),
  missing: z.array(MissingPieceSchema),
});

/** Operators watch, search and replay message flows. */
@Controller('messages')
@Guarded('messages')
export class MessagesController {
  constructor(
    private readonly query: MessageQueryService,
    private readonly replays: ReplayService,
  ) {}

  @Get()
  @ApiZodQuery(SearchQuery)
  search(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(SearchQuery)) query: z.infer<typeof SearchQuery>,
  ) {
    return this.query.search(principal, query);
  }

  @Get(':id')
  detail(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.query.detail(principal, id);
  }

  @Post(':id/replay')
  @HttpCode(202)
  @RequireRole('operator')
  replay(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query('force') force?: string,
  ) {
    return this.replays.replay(principal, id, force === 'true');
  }
}

@Controller('trades')
@Guarded('trades')
export class TradesController {
  constructor(private readonly query: MessageQueryService) {}

  /** Every message and document linked to a trade reference (orderNo, blNo, ...), in time order. */
  @Get(':ref')
  trade(@CurrentPrincipal() principal: Principal, @Param('ref') ref: string) {
    return this.query.trade(principal, ref);
  }

  /**
   * What is still missing on the trade (no customs release, FX not collected, Sinosure
   * declaration due ...), from each domain's rules over the trade's documents. The same list is
   * `missing` in `GET /trades/:ref`.
   */
  @Get(':ref/missing')
  @ApiZodResponse(TradeMissingSchema, 'pieces still missing, the most urgent first')
  missing(@CurrentPrincipal() principal: Principal, @Param('ref') ref: string) {
    return this.query.missing(principal, ref);
  }
}
