import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../auth/api-key.guard';
import { Guarded } from '../../http/openapi';
import { ApiZodBody, ApiZodQuery } from '../../http/zod-openapi';
import {
  AnalyticsQuerySchema,
  CampaignSchema,
  FxRatesSchema,
  ListingCheckSchema,
  PerformanceQuerySchema,
  ProductsSchema,
  SpendImportSchema,
} from './marketing.schemas';
import type { Principal } from '../../auth/principal';
import { AnalyticsService } from './analytics.service';
import { CampaignService } from './campaign.service';
import { CatalogueService } from './catalogue.service';

@Controller('marketing')
@Guarded('marketing')
export class MarketingController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly campaigns: CampaignService,
    private readonly catalogue: CatalogueService,
  ) {}

  /** `?from&to&currency&groupBy=channel|shop|country|sku|day&clientId` */
  @Get('analytics')
  @ApiZodQuery(AnalyticsQuerySchema)
  report(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.analytics.report(principal, query);
  }

  /** Body: `{ rates: [{ currency, quoteCurrency, rateDate, rate }] }` (operators). */
  @Put('fx-rates')
  @ApiZodBody(FxRatesSchema)
  rates(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.campaigns.putRates(principal, body);
  }

  /** Body: `{ platform, campaignId, name, promotionIds?, utmCampaign?, clientId? }`. */
  @Put('campaigns')
  @ApiZodBody(CampaignSchema)
  campaign(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.campaigns.putCampaign(principal, body);
  }

  /** Body: `{ platform: tiktok|google-ads, csv, accountCurrency?, clientId? }` (README formats). */
  @Post('ad-spend/import')
  @ApiZodBody(SpendImportSchema)
  importSpend(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    return this.campaigns.importSpend(principal, body);
  }

  /** `?from&to&currency&clientId`: spend, attributed orders and revenue, ROAS, cost per order. */
  @Get('campaigns/performance')
  @ApiZodQuery(PerformanceQuerySchema)
  performance(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    return this.campaigns.performance(principal, query);
  }

  /** Body: `{ products }`; answers the Google Merchant Center TSV or the TikTok catalog CSV. */
  @Post('feeds/:kind')
  @ApiZodBody(ProductsSchema)
  feed(
    @Param('kind') kind: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const feed = this.catalogue.feed(kind === 'tiktok' ? 'tiktok' : 'google-merchant', body);
    void reply.header('content-type', `${feed.contentType}; charset=utf-8`);
    return feed.body;
  }

  /** Body: `{ marketplace, products }`: required attributes and restricted categories. */
  @Post('listing-check')
  @ApiZodBody(ListingCheckSchema)
  listingCheck(@Body() body: unknown) {
    return this.catalogue.listingCheck(body);
  }
}
