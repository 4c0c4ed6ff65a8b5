import {
  LetterOfCreditSchema,
  type LetterOfCredit,
} from '../../core/model/documents/banking-lc.schema';
import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type { MtMessage } from '../codecs/swift-mt';
import { creditTerms, items, senderBank, textOf } from './mt-credit-terms';
import { partyOf } from './mt-party';
import { firstOf, mtMappingError, parsedOf, requiredOf } from './mt-read';

// MT700 names its mandatory terms; a missing one is named by its tag, not by a schema path.
const REQUIRED: ReadonlyArray<[keyof LetterOfCredit, string]> = [
  ['formOfCredit', '40A'],
  ['applicableRules', '40E'],
  ['expiryDate', '31D'],
  ['applicant', '50'],
  ['beneficiary', '59'],
  ['amount', '32B'],
  ['availableWith', '41a'],
  ['confirmation', '49'],
  ['goodsDescription', '45A'],
  ['documentsRequired', '46A'],
];

const CONTRACT =
  /(?:CONTRACT|S\/C|SALES CONFIRMATION)\s*(?:NO\.?)?\s*[:#]?\s*([A-Z0-9][A-Z0-9/-]{2,34})/i;

function letterOfCredit(msg: MtMessage): LetterOfCredit {
  const lcNo = requiredOf(msg, 'documentary credit number', '20').value;
  const issued = requiredOf(msg, 'date of issue', '31C');
  // MT710: the credit was issued by the bank in 52a and is advised by the sender.
  const issuingBank =
    msg.messageType === 'MT710' ? partyOf(firstOf(msg, '52A', '52D')).party : senderBank(msg);
  if (!issuingBank) throw mtMappingError('the issuing bank is not named (:52a: or the sender)');
  const goods = textOf(firstOf(msg, '45A'));
  const lc: Partial<LetterOfCredit> = {
    lcNo,
    issueDate: parsedOf<{ date: string }>(issued).date,
    issuingBank,
    ...creditTerms(msg),
    goodsDescription: goods,
    documentsRequired: items(firstOf(msg, '46A')),
    additionalConditions: items(firstOf(msg, '47A')),
  };
  const applicantBank = partyOf(firstOf(msg, '51A', '51D')).party;
  if (applicantBank) lc.applicantBank = applicantBank;
  if (msg.messageType === 'MT710') lc.advisingBank = senderBank(msg);
  const preAdvice = firstOf(msg, '23');
  if (preAdvice) lc.preAdviceRef = preAdvice.value;
  const contract = goods && CONTRACT.exec(goods);
  if (contract) lc.contractNo = contract[1].toUpperCase();
  for (const [key, tag] of REQUIRED)
    if (lc[key] === undefined) throw mtMappingError(`${msg.messageType} lacks :${tag}: (${key})`);
  if (!lc.additionalConditions) delete lc.additionalConditions;
  return LetterOfCreditSchema.parse(lc);
}

/** MT700 issue of a documentary credit, MT710 advice of a third bank's credit -> LetterOfCredit. */
export const mt700Mapping: InboundMapping<MtMessage> = {
  id: 'swift-mt700-credit',
  format: 'swift-mt',
  messageTypes: ['MT700', 'MT710'],
  toCanonical(message): MappingResult {
    const lc = letterOfCredit(message.tree);
    return {
      documents: [
        {
          documentType: 'LetterOfCredit',
          eventType: 'settlement.lc.issued',
          payload: lc,
          occurredAt: `${lc.issueDate}T00:00:00Z`,
        },
      ],
      warnings: [],
    };
  },
};
