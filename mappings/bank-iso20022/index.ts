import type { InboundMapping } from '../../core/translation/contract';
import { camt054Mapping } from './camt054.mapping';
import { camtStatementMapping } from './camt-statement.mapping';
import { pacsCreditMapping } from './pacs.mapping';
import { pain001Mapping } from './pain001.mapping';
import { pain002Mapping } from './pain002.mapping';

/** Bank messages in ISO 20022 XML that TradeHub reads. */
export const bankIso20022InboundMappings: InboundMapping[] = [
  camtStatementMapping,
  camt054Mapping,
  pain002Mapping,
  pain001Mapping,
  pacsCreditMapping,
] as InboundMapping[];

export { pain001Render } from './pain001.render';
