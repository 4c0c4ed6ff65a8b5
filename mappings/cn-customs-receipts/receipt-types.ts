/**
 * Which message each CEB receipt answers, and the receipt element it carries. A receipt code
 * is the request code + 1 (primer §1.2); CEB792 is the summary result for CEB701 and CEB900
 * the format-error receipt for any message (the answered type is read from its content).
 * DECRTN answers a goods declaration file (DEC) with the same returnStatus codes.
 */
export const RECEIPT_ANSWERS: Readonly<Record<string, string>> = {
  CEB304: 'CEB303',
  CEB312: 'CEB311',
  CEB404: 'CEB403',
  CEB412: 'CEB411',
  CEB506: 'CEB505',
  CEB508: 'CEB507',
  CEB510: 'CEB509',
  CEB512: 'CEB511',
  CEB514: 'CEB513',
  CEB604: 'CEB603',
  CEB606: 'CEB605',
  CEB608: 'CEB607',
  CEB622: 'CEB621',
  CEB624: 'CEB623',
  CEB626: 'CEB625',
  CEB702: 'CEB701',
  CEB712: 'CEB711',
  CEB792: 'CEB701',
  // The goods declaration file's receipt (DecReturnMessage, TradeHub's shape (?)).
  DECRTN: 'DEC',
};

export const RECEIPT_MESSAGE_TYPES = [...Object.keys(RECEIPT_ANSWERS), 'CEB900', 'DxpRep'];
