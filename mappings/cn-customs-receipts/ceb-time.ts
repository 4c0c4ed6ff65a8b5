import { TradeError } from '../../core/errors/trade-error';

const CEB_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?$/;

/**
 * A CEB time (yyyyMMddHHmmss[SSS], China local time without zone, primer §12) as ISO 8601
 * with +08:00. A value that is not one is a mapping error naming the field.
 */
export function cebTimeToIso(value: string, field: string, xpath: string): string {
  const m = CEB_TIME.exec(value.trim());
  if (!m) {
    throw new TradeError('mapping', `${field}: "${value}" is not yyyyMMddHHmmss[SSS]`, {
      stage: 'map',
      location: { xpath },
    });
  }
  const [, y, mo, d, h, mi, s, ms] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${ms ? `.${ms}` : ''}+08:00`;
}

/** Now (or `at`) as a CEB time in China local time: yyyyMMddHHmmss, plus SSS on request. */
export function isoToCebTime(at: Date, millis = false): string {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const digits = local.replace(/[-:TZ.]/g, '');
  return millis ? digits.slice(0, 17) : digits.slice(0, 14);
}
