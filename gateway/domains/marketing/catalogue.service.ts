import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ListingCheckSchema, ProductsSchema, parseOr400 } from './marketing.schemas';
import { checkListing } from './rules/listing-compliance';
import { LISTING_RULES } from './rules/listing-rules';
import { renderFeed, validateFeed, type FeedKind } from './rules/product-feed';

/** Product feeds for ad platforms and listing checks before a product enters a marketplace. */
@Injectable()
export class CatalogueService {
  /** The feed file, or 422 with every product field that is missing or wrong. */
  feed(kind: FeedKind, body: unknown): { body: string; contentType: string } {
    const { products } = parseOr400(ProductsSchema, body);
    const problems = validateFeed(kind, products);
    if (problems.length > 0)
      throw new UnprocessableEntityException({
        message: `${problems.length} feed problem(s)`,
        issues: problems,
      });
    return renderFeed(kind, products);
  }

  listingCheck(body: unknown) {
    const { marketplace, products } = parseOr400(ListingCheckSchema, body);
    const rules = LISTING_RULES[marketplace];
    if (!rules) throw new NotFoundException(`no listing rules for marketplace ${marketplace}`);
    const verdicts = products.map((p) => checkListing(rules, p));
    return { marketplace, ok: verdicts.every((v) => v.ok), products: verdicts };
  }
}
