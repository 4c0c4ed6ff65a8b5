export * from './amazon.mappings';
export * from './shopee.mappings';
export { readAttribution, type Attribution } from './attribution';
export { readAmazonOrder, type AmazonOrderParts } from './amazon-order.reader';
export { readShopeeOrder } from './shopee-order.reader';
export {
  shopFlow,
  EXPORT_CUSTOMS_MODES,
  IMPORT_CUSTOMS_MODES,
  type ShopFlow,
} from './shop-settings';
export { carriesAmounts, mergeOrderUpdate } from './order-update';
