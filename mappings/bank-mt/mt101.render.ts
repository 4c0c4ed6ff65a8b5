import { TradeError } from '../../core/errors/trade-error';
import type { Account } from '../../core/model/documents/banking-common.schema';
import type { PaymentInstruction } from '../../core/model/documents/banking-payment.schema';
import { partyId, type Party } from '../../core/model/values/party.schema';
import type { OutboundMapping, RenderedMessage } from '../../core/translation/contract';
import { buildMtMessage, serializeMt, type MtMessageSpec } from '../codecs/swift-mt';

type Transfer = PaymentInstruction['transactions'][number];
type Fields = MtMessageSpec['fields'];

// SWIFT x character set: what an MT field may hold (letters, digits, / - ? : ( ) . , ' + space).
const X_CHARS = /^[A-Za-z0-9/\-?:().,'+ \n]*$/;

function refused(tag: string, message: string): TradeError {
  return new TradeError('mapping', `MT101 :${tag}: ${message}`, {
    stage: 'map',
    location: { fieldTag: tag },
  });
}

function text(tag: string, value: string): string {
  if (!X_CHARS.test(value))
    throw refused(tag, `'${value}' has characters outside the SWIFT x set (give a Latin altName)`);
  return value;
}

/** 16x references: no leading or trailing '/', no '//' (SWIFT field 20 and 21 rules). */
function reference(tag: string, value: string): string {
  if (value.length > 16) throw refused(tag, `reference '${value}' is longer than 16x`);
  if (value.startsWith('/') || value.endsWith('/') || value.includes('//'))
    throw refused(tag, `reference '${value}' may not start or end with '/' or hold '//'`);
  return text(tag, value);
}

/** Decimal string -> SWIFT 15d: decimal comma always written, at most 15 characters. */
function swiftAmount(tag: string, value: string): string {
  const [units, fraction = ''] = value.split('.');
  const out = `${units},${fraction}`;
  if (out.length > 15) throw refused(tag, `amount ${value} is longer than 15d`);
  return out;
}

const swiftDate = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

function accountId(tag: string, a: Account): string {
  const id = a.iban ?? a.number;
  if (!id) throw refused(tag, 'the account has neither IBAN nor number');
  return text(tag, id);
}

// Greedy word wrap to 35 characters; a word longer than a line is cut.
function wrap35(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/\s+/).filter(Boolean)) {
    const joined = current ? `${current} ${word}` : word;
    if (joined.length <= 35) current = joined;
    else {
      if (current) out.push(current);
      current = word;
      while (current.length > 35) {
        out.push(current.slice(0, 35));
        current = current.slice(35);
      }
    }
  }
  return current ? [...out, current] : out;
}

// Name and address in at most four lines of 35 (the Latin altName where the name is not x);
// the name comes first, so what 4*35x cannot hold is the end of the address.
function nameAndAddress(tag: string, p: Party): string {
  const name = X_CHARS.test(p.name) ? p.name : (p.altName ?? p.name);
  const place = [p.address?.postalCode, p.address?.city].filter(Boolean).join(' ');
  const lines = [name, ...(p.address?.lines ?? []), place, p.address?.country ?? '']
    .filter((l) => l.trim() !== '')
    .flatMap(wrap35);
  return text(tag, lines.slice(0, 4).join('\n'));
}

// DEBT: the debtor pays all charges (OUR); CRED: the creditor (BEN); SHAR and SLEV: shared.
const CHARGES: Record<string, string> = { DEBT: 'OUR', CRED: 'BEN', SHAR: 'SHA', SLEV: 'SHA' };

/** 50G when the ordering customer has a BIC, else 50H with name and address. */
function orderingCustomer(p: PaymentInstruction): Fields[number] {
  const account = accountId('50H', p.debtorAccount);
  const bic = partyId(p.debtor, 'BIC');
  return bic
    ? ['50G', `/${account}\n${bic}`]
    : ['50H', `/${account}\n${nameAndAddress('50H', p.debtor)}`];
}

function transaction(p: PaymentInstruction, t: Transfer): Fields {
  const fields: Fields = [
    ['21', reference('21', t.instructionId ?? t.endToEndId)],
    ['32B', `${t.amount.currency}${swiftAmount('32B', t.amount.amount)}`],
  ];
  if (t.creditorAgentBic) fields.push(['57A', t.creditorAgentBic]);
  fields.push([
    '59',
    `/${accountId('59', t.creditorAccount)}\n${nameAndAddress('59', t.creditor)}`,
  ]);
  if (t.remittanceInfo) fields.push(['70', text('70', t.remittanceInfo)]);
  fields.push(['71A', CHARGES[p.chargeBearer ?? 'SHAR']]);
  return fields;
}

// FIN block 1 needs a 12-character logical terminal: BIC8 + 'X' + branch (XXX when none).
function terminal(bic: string): string {
  return `${bic.slice(0, 8)}X${bic.length === 11 ? bic.slice(8) : 'XXX'}`;
}

/**
 * PaymentInstruction -> MT101 request for transfer, one message per instruction: sequence A
 * (:20: message id, :28D: 1/1, :50G:/:50H: ordering customer, :30: execution date) and one
 * sequence B per transfer (:21:, :32B:, :57A:, :59:, :70:, :71A:). Sender is the partner's
 * `mt101Sender` setting (the BIC the bank registered for the customer) or the debtor's BIC;
 * receiver the debtor's bank. Written from the SWIFT MT 101 format specifications.
 */
export const mt101Render: OutboundMapping<PaymentInstruction> = {
  id: 'swift-mt101-render',
  documentType: 'PaymentInstruction',
  format: 'swift-mt',
  render(p, ctx): RenderedMessage {
    const sender = (ctx.settings?.mt101Sender as string | undefined) ?? partyId(p.debtor, 'BIC');
    const receiver = p.debtorAgentBic ?? p.debtorAccount.bankBic;
    if (!sender) throw refused('20', 'no sender BIC: set the partner format setting mt101Sender');
    if (!receiver) throw refused('20', "no receiver: the debtor's bank BIC is missing");
    const msg = buildMtMessage({
      messageType: '101',
      sender: terminal(sender),
      receiver: terminal(receiver),
      fields: [
        ['20', reference('20', p.messageId)],
        ['28D', '1/1'],
        orderingCustomer(p),
        ['30', swiftDate(p.requestedExecutionDate)],
        ...p.transactions.flatMap((t) => transaction(p, t)),
      ],
    });
    return {
      body: Buffer.from(serializeMt(msg), 'latin1'),
      contentType: 'text/plain',
      format: 'swift-mt',
      messageType: 'MT101',
      messageRef: p.messageId,
      fileName: `${p.messageId}.mt101.fin`,
    };
  },
};
