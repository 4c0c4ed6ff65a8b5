import { TradeError } from '../../core/errors/trade-error';
import type { EdifactSegment } from '../codecs/edifact';

/** A mapping failure pointing at the segment that lacks or holds the bad content. */
export function mappingError(message: string, at?: EdifactSegment, code?: string): TradeError {
  const where = at ? ` (segment ${at.index} ${at.tag})` : '';
  return new TradeError('mapping', message + where, {
    stage: 'map',
    location: at?.location(),
    code,
  });
}
