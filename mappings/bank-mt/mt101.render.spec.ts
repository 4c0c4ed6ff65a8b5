import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import type { PaymentInstruction } from '../../core/model/documents/banking-payment.schema';
import { validateDocument } from '../../core/model/documents';
import { swiftMtCodec } from '../codecs/swift-mt';
import { mt101Render } from './mt101.render';

// Written for this spec: an exporter in Shenzhen pays two suppliers from its USD account.
const instruction: PaymentInstruction = {
  messageId: 'SZYT-PAY-0001',
  createdAt: '2025-05-02T09:00:00+08:00',
  initiatingParty: { name: 'Shenzhen Yuntong E-commerce Co Ltd' },
  paymentInfoId: 'SZYT-PAY-0001-P1',
  method: 'TRF',
  requestedExecutionDate: '2025-05-02',
  debtor: {
    name: '深圳云通电子商务有限公司',
    altName: 'Shenzhen Yuntong E-commerce Co Ltd',
    address: { lines: ['Keyuan Road 8'], city: 'Shenzhen', postalCode: '518057', country: 'CN' },
  },
  debtorAccount: { number: '4000023009200456789', currency: 'USD' },
  debtorAgentBic: 'ICBKCNBJSZN',
  chargeBearer: 'DEBT',
  transactions: [
    {
      endToEndId: 'SZYT-E2E-0001',
      amount: { amount: '21000.00', currency: 'USD' },
      creditor: { name: 'Ningbo Haishu Import and Export Co Ltd' },
      creditorAccount: { number: '3901120109000012345', currency: 'USD' },
      creditorAgentBic: 'ICBKCNBJNBO',
      remittanceInfo: 'INVOICE HT25-INV-0088',
    },
    {
      instructionId: 'SZYT-I-0002',
      endToEndId: 'SZYT-E2E-0002',
      amount: { amount: '350', currency: 'USD' },
      creditor: {
        name: 'Hamburg Freight Forwarding GmbH',
        address: { city: 'Hamburg', country: 'DE' },
      },
      creditorAccount: { iban: 'DE89370400440532013000' },
    },
  ],
};

const ctx = {
  partnerId: 'bank-szyt',
  receivedAt: '2025-05-02T09:00:00+08:00',
  controlRef: '1',
  settings: { mt101Sender: 'SZYTCNB1' },
};
const GOLDEN = join(__dirname, 'golden', 'mt101-two-transfers.fin');

function render(
  p: PaymentInstruction = instruction,
  settings: Record<string, unknown> = ctx.settings,
) {
  return mt101Render.render(p, { ...ctx, settings });
}

function refusal(p: PaymentInstruction, settings?: Record<string, unknown>): TradeError {
  try {
    render(p, settings);
  } catch (err) {
    expect(err).toBeInstanceOf(TradeError);
    return err as TradeError;
  }
  throw new Error('rendered');
}

describe('PaymentInstruction -> MT101 request for transfer', () => {
  it('matches the golden file (UPDATE_GOLDEN=1 rewrites it; review the diff)', () => {
    validateDocument('PaymentInstruction', instruction);
    const out = render();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, out.body);
    expect(existsSync(GOLDEN)).toBe(true);
    expect(out.body.toString('latin1')).toBe(readFileSync(GOLDEN, 'latin1'));
    expect(out).toMatchObject({
      messageType: 'MT101',
      messageRef: 'SZYT-PAY-0001',
      fileName: 'SZYT-PAY-0001.mt101.fin',
    });
  });

  it('reads back through the MT codec with every field valid and the amounts unchanged', () => {
    const body = render().body;
    const detection = swiftMtCodec.detect(body);
    expect(detection?.messageType).toBe('MT101');
    const [message] = swiftMtCodec.decode(body, detection!);
    const tree = message.tree;
    expect(tree.issues).toEqual([]);
    expect(message.interchange).toMatchObject({
      senderId: 'SZYTCNB1XXXX',
      recipientId: 'ICBKCNBJXSZN',
    });
    const parsed = (tag: string) => tree.fields.filter((f) => f.tag === tag).map((f) => f.parsed);
    expect(tree.fields.map((f) => f.tag)).toEqual([
      '20',
      '28D',
      '50H',
      '30',
      '21',
      '32B',
      '57A',
      '59',
      '70',
      '71A',
      '21',
      '32B',
      '59',
      '71A',
    ]);
    expect(parsed('28D')).toEqual([{ index: 1, total: 1 }]);
    expect(parsed('30')).toEqual([{ date: '2025-05-02' }]);
    expect(parsed('50H')).toEqual([
      {
        account: '4000023009200456789',
        nameAndAddress: [
          'Shenzhen Yuntong E-commerce Co Ltd',
          'Keyuan Road 8',
          '518057 Shenzhen',
          'CN',
        ],
      },
    ]);
    expect(parsed('21')).toEqual([{ reference: 'SZYT-E2E-0001' }, { reference: 'SZYT-I-0002' }]);
    expect(parsed('32B')).toEqual([
      { currency: 'USD', amount: '21000.00' },
      { currency: 'USD', amount: '350' },
    ]);
    expect(parsed('57A')).toEqual([{ partyIdentifier: undefined, bic: 'ICBKCNBJNBO' }]);
    expect(parsed('59')[1]).toEqual({
      account: 'DE89370400440532013000',
      nameAndAddress: ['Hamburg Freight Forwarding GmbH', 'Hamburg', 'DE'],
    });
    // DEBT: the ordering customer pays all charges.
    expect(parsed('71A')).toEqual([{ code: 'OUR' }, { code: 'OUR' }]);
  });

  it('names the ordering customer by BIC (50G) when it has one; shared charges by default', () => {
    const body = render(
      {
        ...instruction,
        chargeBearer: undefined,
        debtor: { name: 'Shenzhen Yuntong', identifiers: [{ scheme: 'BIC', value: 'SZYTCNB1' }] },
      },
      {},
    ).body.toString('latin1');
    expect(body).toContain(':50G:/4000023009200456789\r\nSZYTCNB1\r\n');
    expect(body).toContain('{1:F01SZYTCNB1XXXX');
    expect(body).toContain(':71A:SHA\r\n');
  });

  it('refuses what MT101 cannot carry, at the field', () => {
    const tooLong = { ...instruction, messageId: 'SZYT-PAYMENT-000000001' };
    expect(refusal(tooLong).location).toEqual({ fieldTag: '20' });
    const slashes = { ...instruction, messageId: 'SZYT//1' };
    expect(refusal(slashes).message).toMatch(/may not start or end with '\/' or hold '\/\/'/);
    const chinese = { ...instruction, debtor: { name: '深圳云通电子商务有限公司' } };
    expect(refusal(chinese).message).toMatch(/^MT101 :50H: .* outside the SWIFT x set/);
    expect(refusal(instruction, {}).message).toMatch(/no sender BIC/);
    const huge = {
      ...instruction,
      transactions: [
        { ...instruction.transactions[0], amount: { amount: '1234567890123.45', currency: 'USD' } },
      ],
    };
    expect(refusal(huge).location).toEqual({ fieldTag: '32B' });
  });
});
