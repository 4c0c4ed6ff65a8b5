/**
 * Qualification agency: a client may declare exports itself only with both registrations
 * valid (foreign trade operator record and customs registration); otherwise the platform may
 * act as exporter of record with the client as the real consignor (ownerScc/ownerName). With
 * neither, a declaration is blocked with the reason.
 */
export type RegistrationKind = 'FOREIGN_TRADE_OPERATOR' | 'CUSTOMS';
export type RegistrationStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'PENDING';

export interface Registration {
  kind: RegistrationKind;
  /** Record number, or the 10-character customs code for CUSTOMS. */
  number: string;
  status: RegistrationStatus;
  /** YYYY-MM-DD; open-ended when absent (customs registration has no fixed term). */
  validUntil?: string;
  documents?: string[];
}

export interface Agency {
  /** The platform declares as exporter of record for this client. */
  status: 'ACTIVE' | 'ENDED';
  validUntil?: string;
}

export interface ClientQualification {
  clientId: string;
  /** Client's USCC and name: the real consignor when the platform declares for it. */
  uscc: string;
  name: string;
  registrations: Registration[];
  agency?: Agency;
}

export type Qualification =
  | { mode: 'SELF'; customsCode: string }
  | { mode: 'AGENCY'; owner: { uscc: string; name: string } }
  | { mode: 'BLOCKED'; reasons: string[] };

const KIND_NAMES: Readonly<Record<RegistrationKind, string>> = {
  FOREIGN_TRADE_OPERATOR: 'foreign trade operator registration',
  CUSTOMS: 'customs registration',
};

function validOn(validUntil: string | undefined, date: string): boolean {
  return validUntil === undefined || validUntil >= date;
}

/** Why a registration kind does not qualify the client on `date`, or undefined when it does. */
function problemWith(
  q: ClientQualification,
  kind: RegistrationKind,
  date: string,
): string | undefined {
  const regs = q.registrations.filter((r) => r.kind === kind);
  if (regs.length === 0) return `no ${KIND_NAMES[kind]}`;
  if (regs.some((r) => r.status === 'ACTIVE' && validOn(r.validUntil, date))) return undefined;
  const r = regs[regs.length - 1];
  if (r.status !== 'ACTIVE') return `${KIND_NAMES[kind]} ${r.number} is ${r.status.toLowerCase()}`;
  return `${KIND_NAMES[kind]} ${r.number} expired on ${r.validUntil}`;
}

/** How (and whether) a client's declaration may be filed on `date` (YYYY-MM-DD). */
export function qualify(q: ClientQualification, date: string): Qualification {
  const problems = (['FOREIGN_TRADE_OPERATOR', 'CUSTOMS'] as const)
    .map((kind) => problemWith(q, kind, date))
    .filter((p): p is string => p !== undefined);
  if (problems.length === 0) {
    const customs = q.registrations.find((r) => r.kind === 'CUSTOMS' && r.status === 'ACTIVE');
    return { mode: 'SELF', customsCode: customs!.number };
  }
  if (q.agency?.status === 'ACTIVE' && validOn(q.agency.validUntil, date)) {
    return { mode: 'AGENCY', owner: { uscc: q.uscc, name: q.name } };
  }
  const agency = !q.agency
    ? 'no exporter-of-record agency'
    : q.agency.status !== 'ACTIVE'
      ? 'the exporter-of-record agency has ended'
      : `the exporter-of-record agency expired on ${q.agency.validUntil}`;
  return { mode: 'BLOCKED', reasons: [...problems, agency] };
}

export interface ExpiryAlert {
  clientId: string;
  what: string;
  validUntil: string;
  daysLeft: number;
}

const DAY = 86_400_000;

/** Registrations and agencies that expire within `aheadDays` of `date`, soonest first. */
export function expiringSoon(
  q: ClientQualification,
  date: string,
  aheadDays: number,
): ExpiryAlert[] {
  const items = [
    ...q.registrations
      .filter((r) => r.status === 'ACTIVE' && r.validUntil)
      .map((r) => ({ what: `${KIND_NAMES[r.kind]} ${r.number}`, validUntil: r.validUntil! })),
    ...(q.agency?.status === 'ACTIVE' && q.agency.validUntil
      ? [{ what: 'exporter-of-record agency', validUntil: q.agency.validUntil }]
      : []),
  ];
  return items
    .map((i) => ({
      clientId: q.clientId,
      ...i,
      daysLeft: Math.round((Date.parse(i.validUntil) - Date.parse(date)) / DAY),
    }))
    .filter((a) => a.daysLeft >= 0 && a.daysLeft <= aheadDays)
    .sort((a, b) => a.daysLeft - b.daysLeft);
}
