import type { SpApiClient } from './sp-api.client';

export interface ShipmentConfirmation {
  amazonOrderId: string;
  marketplaceId: string;
  carrierCode: string;
  trackingNumber: string;
  shipDate: string;
  items: Array<{ orderItemId: string; quantity: number }>;
}

/**
 * Orders v0 confirmShipment for a merchant-fulfilled (MFN) order: the carrier, tracking
 * number and the shipped items. Amazon answers 204 with no body.
 */
export async function confirmShipment(client: SpApiClient, s: ShipmentConfirmation): Promise<void> {
  await client.post(
    `/orders/v0/orders/${encodeURIComponent(s.amazonOrderId)}/shipmentConfirmation`,
    {
      marketplaceId: s.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: s.carrierCode,
        trackingNumber: s.trackingNumber,
        shipDate: s.shipDate,
        orderItems: s.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
      },
    },
  );
}
