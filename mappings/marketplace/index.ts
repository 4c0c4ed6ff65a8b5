export * from './amazon.mappings';
export * from './shopee.mappings';
export { readAttribution, type Attribution } from './attribution';
export { readAmazonOrder, type AmazonOrderParts } from './amazon-order.reader';
export { readShopeeOrder } from './shopee-order.reader';
