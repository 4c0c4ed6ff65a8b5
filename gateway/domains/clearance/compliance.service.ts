import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { SalesOrder } from '../../../core/model/documents/commerce.schema';
import type { ExportDeclaration } from '../../../core/model/documents/customs-declaration.schema';
import type { Booking } from '../../../core/model/documents/logistics-booking.schema';
import { ClearanceRepository } from './clearance.repository';
import { CLEARANCE_SETTINGS, readTable, type ClearanceSettings } from './clearance.settings';
import { screenParty, type ListedParty, type ScreenedParty } from './rules/screening';
import { parseTradeRemedies, remediesFor, type TradeRemedy } from './rules/trade-remedies';

const EU = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/**
 * Compliance checks run on every draft: restricted party screening of buyer and consignees
 * (a hit holds the declaration until an operator clears it) and AD/CVD warnings per line.
 */
@Injectable()
export class ComplianceService {
  private readonly list: ListedParty[];
  private readonly remedies: TradeRemedy[];

  constructor(
    @Inject(CLEARANCE_SETTINGS) settings: ClearanceSettings,
    private readonly repo: ClearanceRepository,
  ) {
    const list = readTable(settings.restrictedListFile);
    this.list = list ? (JSON.parse(list) as ListedParty[]) : [];
    this.remedies = parseTradeRemedies(readTable(settings.remediesFile), settings.remediesFile);
  }

  /** Raises alerts; returns the hold reason when a party hit needs an operator. */
  async check(
    tx: PoolClient,
    at: { clientKey: string; clientId: string | null; declarationId: string },
    order: SalesOrder,
    /** None for a 1210 bonded import: the goods are already in the zone. */
    booking: Booking | undefined,
    declaration: ExportDeclaration,
  ): Promise<string | null> {
    const parties: ScreenedParty[] = [
      { role: 'BUYER', name: order.buyer.name, country: order.buyer.address?.country },
      ...[order.consignee, booking?.consignee]
        .filter((p) => p !== undefined)
        .map((p) => ({ role: 'CONSIGNEE', name: p.name, country: p.address?.country })),
    ];
    let hold: string | null = null;
    for (const party of parties) {
      for (const hit of screenParty(party, this.list)) {
        hold = `restricted party screening: ${party.role} ${party.name} matches ${hit.entry.name} (${hit.entry.source}, score ${hit.score})`;
        await this.repo.raiseAlert(tx, {
          ...at,
          kind: 'SCREENING_HIT',
          dedupKey: `screen:${at.declarationId}:${party.role}:${hit.entry.id}`,
          detail: { party, entry: hit.entry, matchedName: hit.matchedName, score: hit.score },
        });
      }
    }
    const market = EU.has(declaration.destinationCountry) ? 'EU' : declaration.destinationCountry;
    for (const line of declaration.lines) {
      const found = remediesFor(this.remedies, {
        market,
        hsCode: line.hsCode,
        origin: line.originCountry,
        date: new Date().toISOString().slice(0, 10),
      });
      for (const r of found) {
        await this.repo.raiseAlert(tx, {
          ...at,
          kind: 'TRADE_REMEDY',
          dedupKey: `remedy:${at.declarationId}:${line.lineNo}:${r.caseNo}:${r.measure}`,
          detail: { lineNo: line.lineNo, hsCode: line.hsCode, measure: r },
        });
      }
    }
    return hold;
  }
}
