import nock from 'nock';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import { tradeErrorOfAsync } from '../../core/errors/trade-error.testing';
import type { ShipmentDeclarationRequest } from './sinosure-api';
import { SinosureClient } from './sinosure.client';
import { SinosureSettingsSchema } from './sinosure-settings.schema';
import { SinosureTransport } from './sinosure.transport';

const HOST = 'https://api.sinosure-spec.example';
const raw = {
  kind: 'sinosure-api',
  baseUrl: HOST,
  auth: { type: 'api-key', header: 'x-api-key', apiKey: 'k-1' },
};
const settings = SinosureSettingsSchema.parse(raw);
const noWait = { sleep: () => Promise.resolve(), random: () => 0 };
const usd = (amount: string) => ({ amount, currency: 'USD' });
const asBody = (b: object) => ({ ...b }) as nock.DataMatcherMap;
const declaration: ShipmentDeclarationRequest = {
  policyNo: 'SCP2026-330012',
  buyerCode: 'DEU/778899',
  invoiceNo: 'INV-DL-0042',
  invoiceAmount: usd('100000.00'),
  shipmentDate: '2026-04-21',
  dueDate: '2026-07-20',
  paymentTerm: 'OA',
  creditDays: 90,
  destinationCountry: 'DE',
  blNo: 'NBHAM260421',
};

describe('Sinosure client (modelled API)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
  const client = () => new SinosureClient(settings, noWait);

  it('applies for a buyer credit limit and reads the decision', async () => {
    const scope = nock(HOST, { reqheaders: { 'x-api-key': 'k-1' } })
      .post('/v1/credit-limits', {
        policyNo: 'SCP2026-330012',
        buyer: { name: 'Lumen Retail GmbH', country: 'DE' },
        requestedAmount: usd('300000.00'),
        paymentTerm: 'OA',
        creditDays: 90,
      })
      .reply(202, { applicationNo: 'LA-2026-0101', status: 'REQUESTED' })
      .get('/v1/credit-limits/LA-2026-0101')
      .reply(200, {
        applicationNo: 'LA-2026-0101',
        status: 'APPROVED',
        limitNo: 'XY2026-0088',
        buyerCode: 'DEU/778899',
        approvedAmount: usd('250000.00'),
        effectiveDate: '2026-03-01',
      });
    const applied = await client().applyCreditLimit({
      policyNo: 'SCP2026-330012',
      buyer: { name: 'Lumen Retail GmbH', country: 'DE' },
      requestedAmount: usd('300000.00'),
      paymentTerm: 'OA',
      creditDays: 90,
    });
    const decided = await client().creditLimitDecision(applied.applicationNo);
    scope.done();
    expect(decided).toMatchObject({ status: 'APPROVED', approvedAmount: usd('250000.00') });
  });

  it('declares a shipment and reads the premium it carries', async () => {
    const scope = nock(HOST)
      .post('/v1/shipment-declarations', asBody(declaration))
      .reply(201, {
        declarationRef: 'SD-2026-04-0042',
        premiumRatePercent: '0.30',
        premium: usd('300.00'),
        acceptedAt: '2026-04-22T10:00:00+08:00',
      });
    const answer = await client().declareShipment(declaration);
    scope.done();
    expect(answer.premium).toEqual(usd('300.00'));
  });

  it('reads the monthly premium bill', async () => {
    nock(HOST)
      .get('/v1/premium-bills')
      .query({ policyNo: 'SCP2026-330012', period: '202604' })
      .reply(200, {
        billNo: 'PB-202604-12',
        policyNo: 'SCP2026-330012',
        period: '202604',
        lines: [
          { declarationRef: 'SD-2026-04-0042', invoiceNo: 'INV-DL-0042', premium: usd('300.00') },
        ],
        total: usd('300.00'),
        dueDate: '2026-05-15',
      });
    expect((await client().premiumBill('SCP2026-330012', '202604')).total).toEqual(usd('300.00'));
  });

  it('files a possible-loss notice and then a claim', async () => {
    const scope = nock(HOST)
      .post('/v1/possible-loss-notices', (b: { overdueDays: number }) => b.overdueDays === 35)
      .reply(201, { noticeNo: 'PL-2026-0007', receivedAt: '2026-08-24T09:00:00+08:00' })
      .post('/v1/claims', {
        policyNo: 'SCP2026-330012',
        buyerCode: 'DEU/778899',
        noticeNo: 'PL-2026-0007',
        claimedAmount: usd('100000.00'),
        invoiceNos: ['INV-DL-0042'],
      })
      .reply(201, { claimNo: 'CL-2026-0003', stage: 'CLAIM_FILED' });
    const notice = await client().reportPossibleLoss({
      policyNo: 'SCP2026-330012',
      buyerCode: 'DEU/778899',
      invoiceNos: ['INV-DL-0042'],
      dueDate: '2026-07-20',
      overdueAmount: usd('100000.00'),
      overdueDays: 35,
      cause: 'DEFAULT',
    });
    const claim = await client().fileClaim({
      policyNo: 'SCP2026-330012',
      buyerCode: 'DEU/778899',
      noticeNo: notice.noticeNo!,
      claimedAmount: usd('100000.00'),
      invoiceNos: ['INV-DL-0042'],
    });
    scope.done();
    expect(claim).toEqual({ claimNo: 'CL-2026-0003', stage: 'CLAIM_FILED' });
  });

  it('retries a 503 and classifies a 422 as rejected', async () => {
    nock(HOST)
      .post('/v1/shipment-declarations')
      .reply(503)
      .post('/v1/shipment-declarations')
      .reply(201, { declarationRef: 'SD-1' });
    expect((await client().declareShipment(declaration)).declarationRef).toBe('SD-1');
    nock(HOST)
      .post('/v1/shipment-declarations')
      .reply(422, { code: 'LIMIT_NOT_EFFECTIVE', message: 'no effective limit for DEU/778899' });
    const error = await tradeErrorOfAsync(() => client().declareShipment(declaration));
    expect(error.kind).toBe('rejected');
  });

  it('delivers a rendered filing through the outbound transport with its reference', async () => {
    nock(HOST)
      .post('/v1/shipment-declarations', asBody(declaration))
      .reply(201, { declarationRef: 'SD-2026-04-0042' });
    const partner = PartnerRecordSchema.parse({
      id: 'sinosure',
      name: 'Sinosure',
      kind: 'insurer',
      connector: 'insurer-sinosure',
    });
    const receipt = await new SinosureTransport(noWait).send(
      {
        messageId: 'm1',
        partnerId: 'sinosure',
        body: Buffer.from(JSON.stringify(declaration)),
        contentType: 'application/json',
        messageType: 'insurance.shipment.declare',
      },
      partner,
      { ...raw, direction: 'out' } as never,
    );
    expect(receipt.partnerRef).toBe('SD-2026-04-0042');
  });
});
