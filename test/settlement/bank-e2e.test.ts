import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { BankSimulator } from '../support/bank-simulator';
import { filesIn } from '../support/carrier-sftp';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import { SftpTestServer } from '../support/sftp-server';
import {
  NBHS_ACCOUNT,
  SZYT_ACCOUNT,
  bankPartner,
  publishNbhsInvoice,
  sendInstruction,
} from './bank-e2e.support';

describe('bank files over SFTP end to end: pain.001 out, pain.002 and camt.054 back, payment matched', () => {
  let server: SftpTestServer;
  let gw: TestGateway;

  beforeAll(async () => {
    server = await SftpTestServer.start();
    gw = await startRecordingGateway();
    for (const partner of [
      bankPartner('bank-szyt', 'szyt', server),
      bankPartner('bank-nbhs', 'nbhs', server),
    ])
      await gw.partners.upsert(partner);
    await gw.app.get(PollRuntime).resync();
    await publishNbhsInvoice(gw.pool);
  });
  afterAll(async () => {
    await stopTestGateway(gw);
    await server?.close();
  });

  it('executes, reports and matches, each status once', async () => {
    const payer = await gw.key('viewer', 'szyt');
    const sent = await sendInstruction(gw, payer, 'bank-szyt', 'SZYT-PAY-0001', [
      ['SZYT-E2E-0001', '21000.00'],
      ['SZYT-E2E-0002', '350.00'],
    ]);
    expect(sent.status).toBe(202);
    const folders = { szyt: server.folders('bank-szyt'), nbhs: server.folders('bank-nbhs') };
    // The delivery worker uploads the pain.001 to the customer's channel over SFTP.
    await eventually(
      async () => filesIn(folders.szyt.outboundDir).some((f) => f.endsWith('.xml')),
      30000,
    );

    const bank = new BankSimulator(
      [
        { folders: folders.szyt, accounts: [SZYT_ACCOUNT] },
        { folders: folders.nbhs, accounts: [NBHS_ACCOUNT] },
      ],
      { 'SZYT-E2E-0002': { code: 'AC04', text: 'creditor account closed' } },
    );
    expect((await bank.run()).map((i) => i.messageId)).toEqual(['SZYT-PAY-0001']);
    const polls = gw.app.get(PollRuntime);
    await polls.pollNow('bank-szyt');
    await polls.pollNow('bank-nbhs');

    const statuses = await eventually(async () => {
      const list = (await (
        await gw.request('/settlement/payment-instructions', { key: payer })
      ).json()) as Array<{
        endToEndId: string;
        status: string;
        reasons: unknown;
      }>;
      return list.every((i) => i.status !== 'SENT') && list;
    }, 30000);
    expect(Object.fromEntries(statuses.map((s) => [s.endToEndId, s.status]))).toEqual({
      'SZYT-E2E-0001': 'SETTLED',
      'SZYT-E2E-0002': 'REJECTED',
    });
    expect(statuses.find((s) => s.endToEndId === 'SZYT-E2E-0002')?.reasons).toEqual([
      { code: 'AC04', text: 'creditor account closed' },
    ]);

    const matched = await eventually(async () => {
      const list = (await received(gw.pool)).filter((r) => r.type === 'settlement.payment.matched');
      return list.length > 0 && list;
    }, 30000);
    expect(matched).toHaveLength(1);
    expect(matched[0].client_id).toBe('nbhs');
    expect(matched[0].body.payload).toMatchObject({
      method: 'REFERENCE',
      allocations: [{ invoiceNo: 'HT25-INV-0088', amount: { amount: '21000.00' }, settled: true }],
    });
    const trade = (await (
      await gw.request('/trades/HT25-INV-0088', { key: gw.adminKey })
    ).json()) as {
      documents: Array<{ documentType: string }>;
    };
    expect(trade.documents.map((d) => d.documentType)).toEqual(
      expect.arrayContaining(['CommercialInvoice', 'PaymentReceived', 'PaymentMatched']),
    );
    // Every bank file was taken and archived, none left in error.
    expect(filesIn(folders.nbhs.errorDir)).toEqual([]);
    expect(filesIn(folders.szyt.errorDir)).toEqual([]);
  });
});
