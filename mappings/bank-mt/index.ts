import type { InboundMapping } from '../../core/translation/contract';
import { mt103Mapping } from './mt103.mapping';
import { mt700Mapping } from './mt700.mapping';
import { mt707Mapping } from './mt707.mapping';
import { mtStatementMapping } from './mt-statement.mapping';

/** Bank messages in SWIFT MT that TradeHub reads. */
export const bankMtInboundMappings: InboundMapping[] = [
  mtStatementMapping,
  mt103Mapping,
  mt700Mapping,
  mt707Mapping,
] as InboundMapping[];
