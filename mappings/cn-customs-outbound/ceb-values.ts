import Decimal from 'decimal.js';
import { TradeError } from '../../core/errors/trade-error';
import type { CebRecord } from '../codecs/cn-customs/ceb-types';
import { isoToCebTime } from '../cn-customs-receipts/ceb-time';

/** appType 1 new, 2 change, 3 delete; appStatus 1 staged, 2 declared (primer §1.2). */
export interface CebHead {
  /** 36-character upper-case UUID of this business record. */
  guid: string;
  appType?: '1' | '2' | '3';
  appStatus?: '1' | '2';
  /** When the record was made; written as appTime yyyyMMddHHmmss in China time. */
  appTime: Date;
}

/** A party as customs knows it: its customs registration code and registered name. */
export interface CebParty {
  code: string;
  name: string;
}

/** The enterprise the message is sent for, and its DXP node id (BaseTransfer). */
export interface CebSender extends CebParty {
  dxpId: string;
}

export function headFields(head: CebHead): CebRecord {
  return {
    guid: head.guid.toUpperCase(),
    appType: head.appType ?? '1',
    appTime: isoToCebTime(head.appTime),
    appStatus: head.appStatus ?? '2',
  };
}

export function baseTransfer(sender: CebSender): CebRecord {
  return { copCode: sender.code, copName: sender.name, dxpMode: 'DXP', dxpId: sender.dxpId };
}

/**
 * A decimal for a CEB amount or quantity: the XSDs allow 5 fraction digits, so more is a
 * mapping error naming the field rather than a silent rounding.
 */
export function cebDecimal(value: string, field: string): string {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new TradeError('mapping', `${field}: "${value}" is not a decimal`, {
      stage: 'map',
      location: { xpath: field },
    });
  }
  if (d.decimalPlaces() > 5) {
    throw new TradeError('mapping', `${field}: "${value}" has more than 5 decimals`, {
      stage: 'map',
      location: { xpath: field },
    });
  }
  return d.toFixed();
}

/** yyyyMMdd of a date (YYYY-MM-DD or ISO date-time) as written. */
export function cebDate(value: string): string {
  return value.slice(0, 10).replace(/-/g, '');
}

/** Drops undefined optional fields so the record writes only what is known. */
export function compact(
  record: Record<string, string | CebRecord | CebRecord[] | undefined>,
): CebRecord {
  const out: CebRecord = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}
