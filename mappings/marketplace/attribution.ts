/**
 * Marketplace orders name the promotions (Shopee promotion_id, Amazon PromotionIds) and, for
 * web shops, the UTM campaign that sold them. SalesOrder has no field for either, so the
 * mappings write them into `remarks` as `promotions: <id>,<id>` and `utm_campaign: <name>`
 * lines; the marketing domain reads them back with readAttribution to attribute ad spend.
 */
export interface Attribution {
  promotionIds: string[];
  utmCampaign?: string;
}

export function attributionRemarks(a: Attribution): string | undefined {
  const lines: string[] = [];
  const ids = [...new Set(a.promotionIds.filter((id) => id !== '' && id !== '0'))];
  if (ids.length) lines.push(`promotions: ${ids.join(',')}`);
  if (a.utmCampaign) lines.push(`utm_campaign: ${a.utmCampaign}`);
  return lines.length ? lines.join('\n') : undefined;
}

export function readAttribution(remarks: string | undefined): Attribution {
  const out: Attribution = { promotionIds: [] };
  for (const line of (remarks ?? '').split('\n')) {
    const [key, ...rest] = line.split(':');
    const value = rest.join(':').trim();
    if (key.trim() === 'promotions')
      out.promotionIds.push(
        ...value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      );
    if (key.trim() === 'utm_campaign' && value) out.utmCampaign = value;
  }
  return out;
}
