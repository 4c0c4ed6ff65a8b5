import type { Account } from '../../core/model/documents/banking-common.schema';
import type { PaymentInstruction } from '../../core/model/documents/banking-payment.schema';
import type { Party } from '../../core/model/values/party.schema';
import { partyId } from '../../core/model/values/party.schema';
import type { OutboundMapping, RenderedMessage } from '../../core/translation/contract';
import { writePain001 } from '../codecs/iso20022/pain001-write';
import type {
  Pain001Account,
  Pain001Party,
  Pain001Version,
} from '../codecs/iso20022/pain001-types';

const party = (p: Party): Pain001Party => ({
  name: p.name,
  ...(p.address
    ? {
        address: {
          country: p.address.country,
          town: p.address.city,
          addressLines: p.address.lines,
        },
      }
    : {}),
  ...(partyId(p, 'BIC') ? { bic: partyId(p, 'BIC') } : {}),
  ...(partyId(p, 'USCC') ? { orgId: partyId(p, 'USCC') } : {}),
});

// China has no IBAN: the account number goes to Othr/Id.
const account = (a: Account): Pain001Account => ({
  ...(a.iban ? { iban: a.iban } : { otherId: a.number }),
  ...(a.currency ? { currency: a.currency } : {}),
});

/** PaymentInstruction -> pain.001 (version from the partner's `pain001Version`, default .09). */
export const pain001Render: OutboundMapping<PaymentInstruction> = {
  id: 'iso20022-pain001-render',
  documentType: 'PaymentInstruction',
  format: 'iso20022',
  render(p, ctx): RenderedMessage {
    const version: Pain001Version =
      ctx.settings?.pain001Version === 'pain.001.001.03' ? 'pain.001.001.03' : 'pain.001.001.09';
    const body = writePain001({
      version,
      msgId: p.messageId,
      createdAt: p.createdAt,
      initiatingParty: party(p.initiatingParty),
      payments: [
        {
          pmtInfId: p.paymentInfoId,
          requestedExecutionDate: p.requestedExecutionDate,
          debtor: party(p.debtor),
          debtorAccount: account(p.debtorAccount),
          debtorAgent: { bic: p.debtorAgentBic ?? p.debtorAccount.bankBic },
          chargeBearer: p.chargeBearer,
          transactions: p.transactions.map((t) => ({
            instrId: t.instructionId,
            endToEndId: t.endToEndId,
            uetr: version === 'pain.001.001.09' ? t.uetr : undefined,
            amount: { value: t.amount.amount, currency: t.amount.currency },
            creditorAgent: t.creditorAgentBic ? { bic: t.creditorAgentBic } : undefined,
            creditor: party(t.creditor),
            creditorAccount: account(t.creditorAccount),
            purpose: t.purposeCode,
            remittance: t.remittanceInfo ? { unstructured: t.remittanceInfo } : undefined,
          })),
        },
      ],
    });
    return {
      body,
      contentType: 'application/xml',
      format: 'iso20022',
      messageType: 'pain.001',
      messageRef: p.messageId,
      fileName: `${p.messageId}.pain001.xml`,
    };
  },
};
