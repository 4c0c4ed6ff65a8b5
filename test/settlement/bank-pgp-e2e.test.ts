import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PollRuntime } from '../../gateway/connectors/poll.runtime';
import { swiftMtCodec } from '../../mappings/codecs/swift-mt';
import { BankSimulator, type BankChannel } from '../support/bank-simulator';
import { bankOpens, pgpKeyPair } from '../support/bank-simulator-pgp';
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

type KeyPair = Awaited<ReturnType<typeof pgpKeyPair>>;
interface Keys {
  bank: KeyPair;
  rotated: KeyPair;
  szyt: KeyPair;
  nbhs: KeyPair;
}
interface MessageDetail {
  id: string;
  state: string;
  lastError: { stage: string; reason: string; detail: { kind: string; code?: string } } | null;
  raw: { base64: string };
  history: Array<{ state: string; detail?: Record<string, unknown> }>;
  transportMeta: { fileName: string };
}

const PASSPHRASE = 'szyt treasury 2025';

// Encrypted content rules (closing tag, UNZ) cannot judge: the file is taken once unchanged.
function pgpPartner(
  id: string,
  client: string,
  server: SftpTestServer,
  pgp: Record<string, unknown>,
) {
  return bankPartner(id, client, server, {
    sftp: {
      completeness: 'stable-size',
      pgp: {
        encryptOutbound: true,
        signOutbound: true,
        requireSignedInbound: true,
        requireEncryptedInbound: true,
        ...pgp,
      },
    },
  });
}

describe('bank files PGP-encrypted and signed both ways over SFTP, matched; a bad signature is refused and replayed', () => {
  let server: SftpTestServer;
  let gw: TestGateway;
  let keys: Keys;
  let channels: BankChannel[];

  const detail = async (id: string) =>
    (await (await gw.request(`/messages/${id}`, { key: gw.adminKey })).json()) as MessageDetail;
  const inbound = async (partnerId: string) => {
    const page = (await (
      await gw.request(`/messages?partnerId=${partnerId}&direction=in`, { key: gw.adminKey })
    ).json()) as { items: Array<{ id: string }> };
    return Promise.all(page.items.map((m) => detail(m.id)));
  };
  // stable-size: the first poll sees the files, the second takes them.
  const pollTwice = async (...partners: string[]) => {
    const polls = gw.app.get(PollRuntime);
    for (const _round of [1, 2]) for (const p of partners) await polls.pollNow(p);
  };
  const statuses = async (key: string) =>
    (await (await gw.request('/settlement/payment-instructions', { key })).json()) as Array<{
      endToEndId: string;
      status: string;
    }>;

  beforeAll(async () => {
    const [bank, rotated, szyt, nbhs] = await Promise.all(
      ['bank', 'bank-2026', 'szyt', 'nbhs'].map((n) =>
        pgpKeyPair(n, n === 'szyt' ? PASSPHRASE : undefined),
      ),
    );
    keys = { bank, rotated, szyt, nbhs };
    server = await SftpTestServer.start();
    gw = await startRecordingGateway();
    await gw.partners.upsert(
      pgpPartner('bank-szyt', 'szyt', server, {
        ourPrivateKey: szyt.privateKey,
        ourPassphrase: PASSPHRASE,
        bankPublicKey: bank.publicKey,
      }),
    );
    await gw.partners.upsert(
      pgpPartner('bank-nbhs', 'nbhs', server, {
        ourPrivateKey: nbhs.privateKey,
        bankPublicKey: bank.publicKey,
        armorOutbound: true,
      }),
    );
    await gw.app.get(PollRuntime).resync();
    await publishNbhsInvoice(gw.pool);
    const channel = (
      id: string,
      accounts: string[],
      customer: KeyPair,
      armor: boolean,
    ): BankChannel => ({
      folders: server.folders(id),
      accounts,
      pgp: {
        bankPrivateKey: bank.privateKey,
        customerPublicKey: customer.publicKey,
        requireSigned: true,
        sign: true,
        encrypt: true,
        armor,
      },
    });
    channels = [
      channel('bank-szyt', [SZYT_ACCOUNT], szyt, false),
      channel('bank-nbhs', [NBHS_ACCOUNT], nbhs, true),
    ];
  });
  afterAll(async () => {
    await stopTestGateway(gw);
    await server?.close();
  });

  it('uploads the pain.001 signed and encrypted, and takes pain.002 and camt.054 only after decrypting and verifying them', async () => {
    const payer = await gw.key('viewer', 'szyt');
    const sent = await sendInstruction(gw, payer, 'bank-szyt', 'SZYT-PAY-0001', [
      ['SZYT-E2E-0001', '21000.00'],
      ['SZYT-E2E-0002', '350.00'],
    ]);
    expect(sent.status).toBe(202);
    const out = server.folders('bank-szyt').outboundDir;
    await eventually(async () => filesIn(out).includes('SZYT-PAY-0001.pain001.xml.pgp'), 30000);
    // On the wire: OpenPGP, nothing of the pain.001 readable.
    const wire = readFileSync(join(out, 'SZYT-PAY-0001.pain001.xml.pgp'));
    expect(wire.includes(Buffer.from('SZYT-E2E-0001'))).toBe(false);

    const bank = new BankSimulator(channels, {
      'SZYT-E2E-0002': { code: 'AC04', text: 'creditor account closed' },
    });
    expect((await bank.run()).map((i) => i.messageId)).toEqual(['SZYT-PAY-0001']);
    expect(bank.refused).toEqual([]);
    expect(filesIn(server.folders('bank-szyt').inboundDir)).toEqual([
      'pain002-SZYT-PAY-0001.xml.pgp',
    ]);
    expect(filesIn(server.folders('bank-nbhs').inboundDir)).toEqual([
      'camt054-SZYT-E2E-0001.xml.asc',
    ]);
    await pollTwice('bank-szyt', 'bank-nbhs');

    const done = await eventually(async () => {
      const list = await statuses(payer);
      return list.every((i) => i.status !== 'SENT') && list;
    }, 30000);
    expect(Object.fromEntries(done.map((s) => [s.endToEndId, s.status]))).toEqual({
      'SZYT-E2E-0001': 'SETTLED',
      'SZYT-E2E-0002': 'REJECTED',
    });
    const matched = await eventually(async () => {
      const list = (await received(gw.pool)).filter((r) => r.type === 'settlement.payment.matched');
      return list.length > 0 && list;
    }, 30000);
    expect(matched[0].body.payload).toMatchObject({
      allocations: [{ invoiceNo: 'HT25-INV-0088', settled: true }],
    });

    // What is stored is the file as it came (encrypted); its history says how it was opened.
    const [camt] = await inbound('bank-nbhs');
    expect(Buffer.from(camt.raw.base64, 'base64').toString('latin1')).toMatch(
      /^-----BEGIN PGP MESSAGE-----/,
    );
    expect(camt.history.at(-1)).toMatchObject({
      state: 'processed',
      detail: {
        pgp: {
          encrypted: true,
          armored: true,
          signed: true,
          signedBy: expect.stringMatching(/^[0-9A-F]{16}$/),
        },
      },
    });
  });

  it('refuses a file signed with a key the partner record does not hold, keeps it raw, and replays it once the key is updated', async () => {
    const payer = await gw.key('viewer', 'szyt');
    await sendInstruction(gw, payer, 'bank-szyt', 'SZYT-PAY-0002', [['SZYT-E2E-0003', '99.00']]);
    await eventually(
      async () =>
        filesIn(server.folders('bank-szyt').outboundDir).includes('SZYT-PAY-0002.pain001.xml.pgp'),
      30000,
    );
    // The bank now signs with its 2026 key; TradeHub still holds the old one.
    const rotated = channels.map((c) => ({
      ...c,
      pgp: { ...c.pgp!, signingKey: keys.rotated.privateKey },
    }));
    expect((await new BankSimulator(rotated).run()).map((i) => i.messageId)).toEqual([
      'SZYT-PAY-0002',
    ]);
    const dropped = readFileSync(
      join(server.folders('bank-szyt').inboundDir, 'pain002-SZYT-PAY-0002.xml.pgp'),
    );
    await pollTwice('bank-szyt');

    const failed = await eventually(async () => {
      const found = (await inbound('bank-szyt')).find(
        (m) => m.transportMeta.fileName === 'pain002-SZYT-PAY-0002.xml.pgp',
      );
      return found?.state === 'failed' && found;
    }, 30000);
    expect(failed.lastError).toMatchObject({
      stage: 'receive',
      detail: { kind: 'rejected', code: 'pgp-bad-signature' },
    });
    expect(failed.lastError!.reason).toMatch(
      /^partner bank-szyt: PGP signature does not verify with the bank key/,
    );
    expect(Buffer.from(failed.raw.base64, 'base64').equals(dropped)).toBe(true);
    expect((await statuses(payer)).find((s) => s.endToEndId === 'SZYT-E2E-0003')?.status).toBe(
      'SENT',
    );

    // The partner API shows that our key is set, never the key; the bank key is public.
    const got = await gw.request('/partners/bank-szyt', { key: gw.adminKey });
    const text = await got.text();
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(PASSPHRASE);
    const record = JSON.parse(text) as {
      transports: Array<{ pgp: Record<string, unknown> }>;
    } & Record<string, unknown>;
    expect(record.transports[0].pgp).toMatchObject({
      ourPrivateKey: { set: true },
      ourPassphrase: { set: true },
      bankPublicKey: keys.bank.publicKey,
    });

    // The operator puts the bank's new key (secrets sent back as { set: true } are kept) ...
    const { id: _id, operations: _ops, ...body } = record;
    body.transports = [
      {
        ...record.transports[0],
        pgp: { ...record.transports[0].pgp, bankPublicKey: keys.rotated.publicKey },
      },
    ];
    const put = await gw.request('/partners/bank-szyt', {
      method: 'PUT',
      key: gw.adminKey,
      json: body,
    });
    expect(put.status).toBe(200);
    // ... and replays the refused file: the same stored bytes now open and are matched.
    const replay = await gw.request(`/messages/${failed.id}/replay`, {
      method: 'POST',
      key: gw.adminKey,
    });
    expect(replay.status).toBe(202);
    const processed = await eventually(async () => {
      const d = await detail(failed.id);
      return d.state === 'processed' && d;
    }, 30000);
    expect(processed.history.map((h) => h.state)).toEqual([
      'received',
      'failed',
      'replay-requested',
      'processed',
    ]);
    await eventually(
      async () =>
        (await statuses(payer)).find((s) => s.endToEndId === 'SZYT-E2E-0003')?.status === 'SETTLED',
      30000,
    );
  });

  it('sends MT101 where the partner asks for it, signed (armoured) without encryption', async () => {
    await gw.partners.upsert(
      bankPartner('bank-szyt-mt', 'szyt', server, {
        sftp: {
          pgp: {
            ourPrivateKey: keys.szyt.privateKey,
            ourPassphrase: PASSPHRASE,
            bankPublicKey: keys.bank.publicKey,
            signOutbound: true,
            armorOutbound: true,
          },
        },
        out: {
          format: 'swift-mt',
          messageType: 'MT101',
          direction: 'out',
          mapping: 'swift-mt101-render',
          settings: { mt101Sender: 'SZYTCNB1' },
        },
      }),
    );
    const payer = await gw.key('viewer', 'szyt');
    const sent = await sendInstruction(gw, payer, 'bank-szyt-mt', 'SZYT-MT-0001', [
      ['SZYT-E2E-0101', '1500.00'],
    ]);
    expect(sent.status).toBe(202);
    const out = server.folders('bank-szyt-mt').outboundDir;
    await eventually(async () => filesIn(out).includes('SZYT-MT-0001.mt101.fin.asc'), 30000);
    const wire = readFileSync(join(out, 'SZYT-MT-0001.mt101.fin.asc'));
    expect(wire.toString('latin1')).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    // The bank checks our signature, then reads an MT101 its codec validates field by field.
    const body = await bankOpens(wire, {
      bankPrivateKey: keys.bank.privateKey,
      customerPublicKey: keys.szyt.publicKey,
      requireSigned: true,
    });
    const [message] = swiftMtCodec.decode(body, swiftMtCodec.detect(body)!);
    expect(message.detection.messageType).toBe('MT101');
    expect(message.messageRef).toBe('SZYT-MT-0001');
    expect(message.tree.issues).toEqual([]);
    expect(message.tree.fields.find((f) => f.tag === '32B')?.parsed).toEqual({
      currency: 'USD',
      amount: '1500.00',
    });
  });
});
