import nock from 'nock';
import { PartnerRecordSchema } from '../../core/partners/partner.schema';
import { tradeErrorOfAsync } from '../../core/errors/trade-error.testing';
import { WarehouseRestTransport } from './warehouse.transport';

const HOST = 'https://api.warehouse-spec.example';
const partner = PartnerRecordSchema.parse({
  id: 'wh-spec',
  name: 'Warehouse',
  kind: 'warehouse',
  connector: 'warehouse-rest',
});
const delivery = (messageType: string) => ({
  messageId: 'm1',
  partnerId: 'wh-spec',
  body: Buffer.from('{"ref_no":"ASN-1"}'),
  contentType: 'application/json',
  messageType,
});

describe('WarehouseRestTransport', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('calls a REST path with a bearer token (ShipBob dialect)', async () => {
    const scope = nock(HOST, { reqheaders: { authorization: 'Bearer pat-123' } })
      .post('/2.0/receiving', { ref_no: 'ASN-1' })
      .reply(201, { id: 4711, status: 'Awaiting' });
    const receipt = await new WarehouseRestTransport().send(
      delivery('warehouse.inbound.create'),
      partner,
      {
        kind: 'warehouse-rest',
        direction: 'out',
        dialect: 'shipbob',
        baseUrl: HOST,
        auth: { type: 'bearer', token: 'pat-123' },
        paths: { 'warehouse.inbound.create': 'POST /2.0/receiving' },
      },
    );
    scope.done();
    expect(receipt).toMatchObject({ detail: { httpStatus: 201, id: '4711' }, partnerRef: '4711' });
  });

  it('turns a 4PX error answer (HTTP 200, result 0) into a rejection with its reasons', async () => {
    nock(HOST)
      .post('/router')
      .query(true)
      .reply(200, {
        result: '0',
        msg: 'System processing failed',
        errors: [{ error_code: '1002', error_msg: 'sku_code KET-9 does not exist' }],
      });
    const error = await tradeErrorOfAsync(() =>
      new WarehouseRestTransport().send(delivery('warehouse.outbound.create'), partner, {
        kind: 'warehouse-rest',
        direction: 'out',
        baseUrl: `${HOST}/router`,
        auth: { type: 'signed-query', appKey: 'ak', appSecret: 'secret-123' },
      }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain(
      'result 0 System processing failed; [1002] sku_code KET-9 does not exist',
    );
  });

  it('names a message type it has no method or path for as a configuration error', async () => {
    const error = await tradeErrorOfAsync(() =>
      new WarehouseRestTransport().send(delivery('warehouse.sku.create'), partner, {
        kind: 'warehouse-rest',
        direction: 'out',
        baseUrl: HOST,
      }),
    );
    expect(error).toMatchObject({ kind: 'config', stage: 'deliver' });
  });
});
