import type { Account } from '../../core/model/documents/banking-common.schema';
import { accountFromText, endToEndRef } from './mt-read';

/** What a :86: information-to-account-owner field tells about the payment. */
export interface OwnerInformation {
  counterpartyName?: string;
  counterpartyAccount?: Account;
  remittanceInfo?: string;
  endToEndId?: string;
}

// German banks (DFÜ-Abkommen GVC layout): ?20-?29 purpose, ?30 bank code, ?31 account,
// ?32-?33 name. The first character after the GVC code (3 digits) is the separator, usually '?'.
function gvc(text: string): OwnerInformation | undefined {
  const m = /^\d{3}([?^!])/.exec(text);
  if (!m) return undefined;
  const parts = new Map<string, string>();
  for (const piece of text.replace(/\n/g, '').split(m[1]).slice(1)) {
    const key = piece.slice(0, 2);
    parts.set(key, (parts.get(key) ?? '') + piece.slice(2));
  }
  const join = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => parts.get(String(from + i)) ?? '').join('');
  const remittance = (join(20, 29) + join(60, 63)).trim();
  const name = join(32, 33).trim();
  const account = parts.get('31')?.trim();
  return compact({
    counterpartyName: name || undefined,
    counterpartyAccount: account ? accountFromText(account) : undefined,
    remittanceInfo: stripSepaKeys(remittance) || undefined,
    endToEndId: endToEndRef(remittance),
  });
}

const SEPA_KEY = /(?:EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE)\+/g;

function stripSepaKeys(text: string): string {
  const purpose = /SVWZ\+(.*?)(?:(?:ABWA|ABWE)\+|$)/.exec(text);
  return (purpose ? purpose[1] : text.replace(SEPA_KEY, ' ')).trim();
}

// Dutch and SWIFT structured layout: /CODE/value/CODE/value (NAME, IBAN, REMI, ORDP, BENM ...).
function slashCodes(text: string): OwnerInformation | undefined {
  const flat = text.replace(/\n/g, '');
  if (!/^\/[A-Z]{2,4}\//.test(flat)) return undefined;
  const codes = new Map<string, string>();
  const re = /\/([A-Z]{2,4})\/(.*?)(?=\/[A-Z]{2,4}\/|$)/g;
  for (let m = re.exec(flat); m; m = re.exec(flat)) codes.set(m[1], m[2].trim());
  const party = codes.get('ORDP') ?? codes.get('BENM');
  const remi = codes.get('REMI');
  const iban = codes.get('IBAN') ?? codes.get('ACCW');
  return compact({
    counterpartyName: codes.get('NAME') ?? party?.split(/[:/]/)[0]?.trim(),
    counterpartyAccount: iban ? accountFromText(iban) : undefined,
    remittanceInfo: remi?.replace(/^USTD\/\//, '') ?? undefined,
    endToEndId: endToEndRef(flat),
  });
}

/** Reads the layouts banks use in :86:; unknown ones are kept whole as remittance text. */
export function readOwnerInformation(text: string): OwnerInformation {
  return (
    gvc(text) ??
    slashCodes(text) ?? { remittanceInfo: text.trim() || undefined, endToEndId: endToEndRef(text) }
  );
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
