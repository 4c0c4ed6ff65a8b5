import type { XmlElement } from '../xml/xml-tree';
import { readEntry, step } from './camt-entry-read';
import {
  account,
  amount,
  compact,
  creditDebit,
  dateChoice,
  invalid,
  isTrue,
  missing,
  required,
  requiredText,
  text,
} from './iso-read';
import type { CamtDocument, CamtMessageType, CamtStatement, IsoBalance } from './iso20022-types';

/** Root element and repeated block of each camt message. */
const CAMT_SHAPES: Record<CamtMessageType, { root: string; block: string }> = {
  'camt.052': { root: 'BkToCstmrAcctRpt', block: 'Rpt' },
  'camt.053': { root: 'BkToCstmrStmt', block: 'Stmt' },
  'camt.054': { root: 'BkToCstmrDbtCdtNtfctn', block: 'Ntfctn' },
};

/**
 * Reads a camt.052/053/054 `Document` (versions .001.02 to .001.13 share these parts) into a
 * CamtDocument. A missing group header, message id, block, account or amount fails located.
 */
export function readCamt(
  document: XmlElement,
  messageType: CamtMessageType,
  version: string,
): CamtDocument {
  const shape = CAMT_SHAPES[messageType];
  const body = required(document, shape.root);
  const header = required(body, 'GrpHdr');
  const blocks = body.elements(shape.block);
  if (blocks.length === 0) throw missing(body, shape.block);
  const base = `/${document.local}/${shape.root}`;
  return {
    kind: 'camt',
    messageType,
    version,
    groupHeader: compact({
      msgId: requiredText(header, 'MsgId'),
      createdAt: text(header, 'CreDtTm'),
      page: text(header, 'MsgPgntn', 'PgNb'),
      lastPage: header.at('MsgPgntn', 'LastPgInd')
        ? isTrue(text(header, 'MsgPgntn', 'LastPgInd'))
        : undefined,
      additionalInfo: text(header, 'AddtlInf'),
    }),
    statements: blocks.map((block, i) =>
      readStatement(block, `${base}/${step(shape.block, i, blocks.length)}`),
    ),
  };
}

function readStatement(block: XmlElement, xpath: string): CamtStatement {
  const entries = block.elements('Ntry');
  return compact<CamtStatement>({
    xpath,
    id: requiredText(block, 'Id'),
    electronicSequence: text(block, 'ElctrncSeqNb'),
    legalSequence: text(block, 'LglSeqNb'),
    createdAt: text(block, 'CreDtTm'),
    period: block.child('FrToDt')
      ? compact({ from: text(block, 'FrToDt', 'FrDtTm'), to: text(block, 'FrToDt', 'ToDtTm') })
      : undefined,
    account: account(required(block, 'Acct'))!,
    balances: block.elements('Bal').map(readBalance),
    entries: entries.map((ntry, i) =>
      readEntry(ntry, `${xpath}/${step('Ntry', i, entries.length)}`),
    ),
    additionalInfo:
      text(block, 'AddtlStmtInf') ?? text(block, 'AddtlRptInf') ?? text(block, 'AddtlNtfctnInf'),
  });
}

function readBalance(bal: XmlElement): IsoBalance {
  const date = dateChoice(bal.child('Dt'));
  if (!date) throw missing(bal, 'Dt');
  if (!required(bal, 'Tp', 'CdOrPrtry').children.length) throw invalid(bal, 'balance type empty');
  return compact<IsoBalance>({
    typeCode: text(bal, 'Tp', 'CdOrPrtry', 'Cd'),
    typeProprietary: text(bal, 'Tp', 'CdOrPrtry', 'Prtry'),
    amount: amount(bal, 'Amt'),
    creditDebit: creditDebit(bal),
    date,
  });
}
