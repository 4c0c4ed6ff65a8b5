import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TradeError } from '../../../core/errors/trade-error';
import { iso20022Codec } from './iso20022.codec';
import type { CamtDocument } from './iso20022-types';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '__fixtures__', name));
const decode = (input: Buffer) => iso20022Codec.decode(input, iso20022Codec.detect(input)!);

function rejection(input: string): TradeError {
  try {
    decode(Buffer.from(input));
  } catch (err) {
    expect(err).toMatchObject({ kind: 'rejected', stage: 'parse' });
    return err as TradeError;
  }
  throw new Error('accepted');
}

const camt053 = (version: string, stmt: string) =>
  `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}"><BkToCstmrStmt>` +
  `<GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-01-02T10:00:00</CreDtTm></GrpHdr>${stmt}</BkToCstmrStmt></Document>`;

describe('iso20022Codec', () => {
  it('detects version and message type from the Document namespace', () => {
    expect(iso20022Codec.detect(fixture('camt.053.001.02.xml'))).toEqual({
      format: 'iso20022',
      standard: 'ISO 20022',
      version: 'camt.053.001.02',
      messageType: 'camt.053',
      charset: 'utf-8',
    });
    const wrapped = Buffer.from(
      '<message><AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.01"><BizMsgIdr>B1</BizMsgIdr></AppHdr>' +
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.07"><FIToFICstmrCdtTrf><GrpHdr><MsgId>P1</MsgId></GrpHdr></FIToFICstmrCdtTrf></Document></message>',
    );
    expect(iso20022Codec.detect(wrapped)).toMatchObject({
      version: 'pacs.008.001.07',
      messageType: 'pacs.008',
    });
    const [message] = decode(wrapped);
    expect(message).toMatchObject({
      messageRef: 'P1',
      tree: { kind: 'other' },
      interchange: { controlRef: 'B1' },
    });
    expect(iso20022Codec.detect(Buffer.from('<Document xmlns="urn:other"/>'))).toBeNull();
  });

  it.each(['camt.053.001.02', 'camt.053.001.08', 'pain.002.001.03'])(
    'decodes %s to its golden tree',
    (name) => {
      const [message] = decode(fixture(`${name}.xml`));
      expect(JSON.parse(JSON.stringify(message.tree))).toEqual(
        JSON.parse(fixture(`${name}.tree.json`).toString()),
      );
      expect(message.index).toBe(0);
    },
  );

  it('uses GrpHdr/MsgId as message reference', () => {
    expect(decode(fixture('camt.053.001.08.xml'))[0].messageRef).toBe('STMT-CNY-20240315');
  });

  it('tolerates other versions of the same message (camt.053.001.07)', () => {
    const stmt =
      '<Stmt><Id>S1</Id><Acct><Id><IBAN>GB82WEST12345698765432</IBAN></Id></Acct><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>' +
      '<Amt Ccy="GBP">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-02</Dt></Dt></Bal></Stmt>';
    const tree = decode(Buffer.from(camt053('07', stmt)))[0].tree as CamtDocument;
    expect(tree.version).toBe('camt.053.001.07');
    expect(tree.statements[0].balances[0]).toEqual({
      typeCode: 'CLBD',
      amount: { value: '1.00', currency: 'GBP' },
      creditDebit: 'CRDT',
      date: { date: '2024-01-02' },
    });
  });

  it('fails located when a camt.053 has no Stmt', () => {
    expect(rejection(camt053('02', '')).location).toEqual({
      xpath: '/Document/BkToCstmrStmt/Stmt',
    });
  });

  it('fails located on a missing account, a currency-less amount and a bad indicator', () => {
    expect(rejection(camt053('02', '<Stmt><Id>S</Id></Stmt>')).location).toEqual({
      xpath: '/Document/BkToCstmrStmt/Stmt/Acct',
    });
    const acct = '<Acct><Id><IBAN>X</IBAN></Id></Acct>';
    const fine = '<Ntry><Amt Ccy="EUR">1</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>';
    const entry = (body: string) => `<Stmt><Id>S</Id>${acct}${fine}<Ntry>${body}</Ntry></Stmt>`;
    const noCcy = rejection(camt053('02', entry('<Amt>1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>')));
    expect(noCcy.message).toMatch(/without Ccy/);
    expect(noCcy.location).toEqual({ xpath: '/Document/BkToCstmrStmt/Stmt/Ntry[2]/Amt' });
    const badInd = rejection(
      camt053('02', entry('<Amt Ccy="EUR">1</Amt><CdtDbtInd>CR</CdtDbtInd>')),
    );
    expect(badInd.location).toEqual({ xpath: '/Document/BkToCstmrStmt/Stmt/Ntry[2]/CdtDbtInd' });
  });

  it('keeps amounts as decimal strings and never coerces codes', () => {
    const tree = decode(fixture('camt.053.001.02.xml'))[0].tree as CamtDocument;
    expect(tree.statements[0].electronicSequence).toBe('00074');
    expect(tree.statements[0].entries[0].ref).toBe('0001');
    expect(tree.statements[0].entries[1].amount).toEqual({ value: '0.00', currency: 'EUR' });
  });
});
