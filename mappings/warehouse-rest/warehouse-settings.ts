import type { MappingContext } from '../../core/translation/contract';
import { TradeError } from '../../core/errors/trade-error';
import { settingChoice, settingString } from '../json-support/mapping-settings';
import { DIALECTS, type Dialect } from './warehouse-codes';

/** The partner's dialect and the provider name its documents carry (warehouse-api.md). */
export function warehouseSettings(ctx: Pick<MappingContext, 'settings'>): {
  dialect: Dialect;
  provider: string;
} {
  const dialect = settingChoice(ctx.settings, 'dialect', DIALECTS, '4px');
  return { dialect, provider: settingString(ctx.settings, 'provider') ?? dialect };
}

/** A message type or document the dialect has no shape for: the partner is misconfigured. */
export function unsupported(dialect: Dialect, what: string): TradeError {
  return new TradeError('config', `warehouse dialect ${dialect} has no ${what}`, {
    stage: 'map',
    code: 'UNSUPPORTED_DIALECT',
  });
}
