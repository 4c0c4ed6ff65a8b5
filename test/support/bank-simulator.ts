import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaymentInstruction } from '../../core/model/documents/banking-payment.schema';
import { iso20022Codec } from '../../mappings/codecs/iso20022/iso20022.codec';
import { pain001Mapping } from '../../mappings/bank-iso20022/pain001.mapping';
import { bankOpens, bankProtects, type BankChannelPgp } from './bank-simulator-pgp';
import type { PartnerFolders } from './sftp-server';

export type { BankChannelPgp } from './bank-simulator-pgp';

/** A corporate customer's host-to-host channel at the simulated bank. */
export interface BankChannel {
  folders: PartnerFolders;
  /** Accounts (IBAN or number) this channel reports on. */
  accounts: string[];
  /** PGP on this channel: what the customer uploads is opened, what the bank drops protected. */
  pgp?: BankChannelPgp;
}

// pain.001 as uploaded: in clear, or PGP-protected with `.pgp` (binary) or `.asc` (armour).
const PAIN001 = /\.xml(\.pgp|\.asc)?$/;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A bank for tests and demos, on the real SFTP server's folders: it executes every pain.001 a
 * channel's customer uploaded (`outboundDir`, what TradeHub writes), answers a pain.002 per file
 * into that channel's `inboundDir` (ACSC, or RJCT with the reason set for an end-to-end id), and
 * drops a camt.054 credit notification into the channel that holds each creditor's account.
 * A channel with `pgp` gets the bank's PGP: uploads are decrypted and their signature checked
 * (a file that fails is renamed `.refused` and not executed), drops are signed and encrypted.
 * Written from ISO 20022 pain.002.001.03 and camt.054.001.02.
 */
export class BankSimulator {
  private sequence = 0;

  constructor(
    private readonly channels: BankChannel[],
    private readonly rejects: Record<string, { code: string; text: string }> = {},
  ) {}

  /** Files refused by a channel's PGP check, with the reason. */
  readonly refused: Array<{ file: string; reason: string }> = [];

  /** One round over every channel; returns the instructions executed. */
  async run(): Promise<PaymentInstruction[]> {
    const executed: PaymentInstruction[] = [];
    for (const channel of this.channels)
      for (const name of readdirSync(channel.folders.outboundDir).filter((n) => PAIN001.test(n)))
        executed.push(...(await this.execute(channel, name)));
    return executed;
  }

  private async open(channel: BankChannel, path: string): Promise<Buffer | undefined> {
    const raw = readFileSync(path);
    if (!channel.pgp) return raw;
    try {
      return await bankOpens(raw, channel.pgp);
    } catch (err) {
      this.refused.push({ file: path, reason: err instanceof Error ? err.message : String(err) });
      renameSync(path, `${path}.refused`);
      return undefined;
    }
  }

  private async execute(channel: BankChannel, name: string): Promise<PaymentInstruction[]> {
    const path = join(channel.folders.outboundDir, name);
    const input = await this.open(channel, path);
    if (!input) return [];
    const [message] = iso20022Codec.decode(input, iso20022Codec.detect(input)!);
    const instructions = pain001Mapping
      .toCanonical(message, { partnerId: 'bank', receivedAt: new Date().toISOString() })
      .documents.map((d) => d.payload as PaymentInstruction);
    renameSync(path, `${path}.done`);
    for (const instruction of instructions) {
      await this.write(channel, `pain002-${instruction.messageId}.xml`, this.pain002(instruction));
      for (const tx of instruction.transactions) {
        if (this.rejects[tx.endToEndId]) continue;
        const creditor = tx.creditorAccount.iban ?? tx.creditorAccount.number ?? '';
        const target = this.channels.find((c) => c.accounts.includes(creditor));
        if (target)
          await this.write(target, `camt054-${tx.endToEndId}.xml`, this.camt054(instruction, tx));
      }
    }
    return instructions;
  }

  /**
   * A credit from abroad (a buyer paying an invoice) notified to the channel that holds the
   * account: one camt.054 in its inbound folder.
   */
  async credit(
    account: string,
    t: {
      endToEndId: string;
      amount: { amount: string; currency: string };
      debtor: string;
      remittanceInfo: string;
      valueDate: string;
    },
  ): Promise<void> {
    const target = this.channels.find((c) => c.accounts.includes(account));
    if (!target) throw new Error(`no channel reports on account ${account}`);
    await this.write(
      target,
      `camt054-${t.endToEndId}.xml`,
      this.notification({ ...t, account: { number: account } }),
    );
  }

  // Written to a temporary name and renamed, as a bank's host-to-host server does.
  private async write(channel: BankChannel, name: string, body: string) {
    const dir = channel.folders.inboundDir;
    const [bytes, suffix] = channel.pgp ? await bankProtects(body, channel.pgp) : [body, ''];
    writeFileSync(join(dir, `${name}${suffix}.part`), bytes);
    renameSync(join(dir, `${name}${suffix}.part`), join(dir, `${name}${suffix}`));
  }

  private pain002(i: PaymentInstruction): string {
    const txs = i.transactions
      .map((t) => {
        const reject = this.rejects[t.endToEndId];
        const reason = reject
          ? `<StsRsnInf><Rsn><Cd>${reject.code}</Cd></Rsn><AddtlInf>${esc(reject.text)}</AddtlInf></StsRsnInf>`
          : '';
        return `<TxInfAndSts><OrgnlEndToEndId>${esc(t.endToEndId)}</OrgnlEndToEndId><TxSts>${reject ? 'RJCT' : 'ACSC'}</TxSts>${reason}</TxInfAndSts>`;
      })
      .join('');
    const group = i.transactions.some((t) => this.rejects[t.endToEndId]) ? 'PART' : 'ACSC';
    return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>STS-${++this.sequence}-${esc(i.messageId)}</MsgId><CreDtTm>${new Date().toISOString()}</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>${esc(i.messageId)}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>${group}</GrpSts></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>${esc(i.paymentInfoId)}</OrgnlPmtInfId>${txs}</OrgnlPmtInfAndSts>
</CstmrPmtStsRpt></Document>`;
  }

  private camt054(i: PaymentInstruction, t: PaymentInstruction['transactions'][number]): string {
    return this.notification({
      endToEndId: t.endToEndId,
      amount: t.amount,
      debtor: i.debtor.name,
      remittanceInfo: t.remittanceInfo ?? '',
      valueDate: i.requestedExecutionDate,
      account: t.creditorAccount,
    });
  }

  private notification(t: {
    endToEndId: string;
    amount: { amount: string; currency: string };
    debtor: string;
    remittanceInfo: string;
    valueDate: string;
    account: { iban?: string; number?: string };
  }): string {
    const account = t.account.iban
      ? `<IBAN>${t.account.iban}</IBAN>`
      : `<Othr><Id>${esc(t.account.number ?? '')}</Id></Othr>`;
    const day = t.valueDate;
    return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>NTF-${++this.sequence}</MsgId><CreDtTm>${new Date().toISOString()}</CreDtTm></GrpHdr>
<Ntfctn><Id>NTF-${this.sequence}-${esc(t.endToEndId)}</Id><CreDtTm>${new Date().toISOString()}</CreDtTm>
<Acct><Id>${account}</Id><Ccy>${t.amount.currency}</Ccy></Acct>
<Ntry><NtryRef>${this.sequence}</NtryRef><Amt Ccy="${t.amount.currency}">${t.amount.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>SIM-${this.sequence}</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>${esc(t.endToEndId)}</EndToEndId></Refs>
<RltdPties><Dbtr><Nm>${esc(t.debtor)}</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>${esc(t.remittanceInfo)}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
  }
}
