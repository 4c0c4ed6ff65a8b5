import { Module } from '@nestjs/common';
import { AnalyticsService } from './analytics.service';
import { CampaignService } from './campaign.service';
import { CatalogueService } from './catalogue.service';
import { MarketingController } from './marketing.controllers';
import { MarketingOrderHandler } from './marketing-order.handler';

/**
 * Marketing: channel analytics from canonical orders, campaigns with imported ad spend and
 * ROAS, product feeds and listing checks. Own queue, own tables (migrations 0500-marketing*).
 */
@Module({
  controllers: [MarketingController, MarketingOrderHandler],
  providers: [AnalyticsService, CampaignService, CatalogueService],
})
export class MarketingModule {}
