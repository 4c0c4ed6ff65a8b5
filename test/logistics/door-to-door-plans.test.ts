import { PartnerRepository } from '../../core/storage/partner.repository';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import {
  carrierPartner,
  fpxInbound,
  iftsta,
  warehousePartner,
  type StatusLine,
  loadedAtNingbo,
} from './logistics-fixtures';

const BL = 'TOLNGB25050002';
const BOX = 'CSQU3054383';

interface PlanView {
  id: string;
  status: string;
  legs: Array<{
    mode: string;
    status: string;
    milestones: Array<{ code: string; location?: string; actualAt?: string; estimatedAt?: string }>;
  }>;
}

// Sea Ningbo -> Long Beach, then the inbound into a 4PX warehouse in Los Angeles.
const plan = (reference: string) => ({
  reference,
  orderNos: ['SO-2025-0520'],
  legs: [
    {
      mode: 'SEA',
      carrier: 'test-carrier',
      from: { unLocode: 'CNNGB' },
      to: { unLocode: 'USLGB' },
      refs: { blNo: BL },
    },
    { mode: 'WAREHOUSE', carrier: '4px', refs: { asnNo: 'ASN-PLAN-1' } },
  ],
});

describe('door-to-door plans follow their legs', () => {
  let gw: TestGateway;
  let nbhs: string;
  let planId: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    await new PartnerRepository().upsertClient(gw.pool, {
      id: 'nbhs',
      name: 'nbhs',
      identifiers: [],
    });
    await gw.partners.upsert(carrierPartner('test-carrier', 'http://127.0.0.1:9/unused'));
    await gw.partners.upsert(
      warehousePartner('wh-inbound', 'warehouse.inbound', 'warehouse-rest-inbound', 'nbhs'),
    );
    nbhs = await gw.key('viewer', 'nbhs');
  });
  afterAll(() => stopTestGateway(gw));

  const status = (ref: string, docTime: string, lines: StatusLine[]) =>
    gw.request('/inbound/test-carrier', {
      method: 'POST',
      headers: { 'content-type': 'application/edifact' },
      body: iftsta({ ref, docTime, bl: BL, booking: 'TOL2505000002', lines }),
    });
  const inbound = (eventId: string, s: 'P' | 'C') =>
    gw.request('/inbound/wh-inbound', {
      method: 'POST',
      json: fpxInbound({
        eventId,
        asnNo: 'ASN-PLAN-1',
        warehouse: 'USLAXA',
        status: s,
        at: Date.now(),
        skus: [['TEA-SS-900', 12]],
      }),
    });
  const get = async (id: string, key = nbhs) =>
    (await (await gw.request(`/logistics/plans/${id}`, { key })).json()) as PlanView;
  const statusBecomes = (wanted: string) =>
    eventually(async () => {
      const p = await get(planId);
      return p.status === wanted && p;
    });

  it('creates a plan with the legs’ default milestones, planned', async () => {
    const response = await gw.request('/logistics/plans', {
      method: 'POST',
      key: nbhs,
      json: plan('D2D-1'),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as PlanView & { clientId: string };
    planId = created.id;
    expect(created).toMatchObject({ status: 'planned', clientId: 'nbhs' });
    expect(created.legs.map((l) => [l.mode, l.status])).toEqual([
      ['SEA', 'planned'],
      ['WAREHOUSE', 'planned'],
    ]);
    expect(created.legs[0].milestones.map((m) => `${m.code}@${m.location}`)).toEqual([
      'LOAD@CNNGB',
      'DEPA@CNNGB',
      'ARRI@USLGB',
      'DISC@USLGB',
    ]);
    const duplicate = await gw.request('/logistics/plans', {
      method: 'POST',
      key: nbhs,
      json: plan('D2D-1'),
    });
    expect(duplicate.status).toBe(409);
    const noRefs = await gw.request('/logistics/plans', {
      method: 'POST',
      key: nbhs,
      json: { reference: 'X', legs: [{ mode: 'SEA', refs: {} }] },
    });
    expect(noRefs.status).toBe(400);
  });

  it('is in transit once the sea leg moves, still in transit when only the sea leg is done', async () => {
    expect(
      (
        await status('STA-P1', '202505201800', [
          loadedAtNingbo(BOX),
          { code: 'VA', dtm: '132', time: '202506061800', locode: 'USLGB', vessel: true },
        ])
      ).status,
    ).toBe(202);
    // The load and the estimate are two envelopes: wait for both.
    const moving = await eventually(async () => {
      const p = await get(planId);
      return p.status === 'in-transit' && p.legs[0].milestones[2].estimatedAt !== undefined && p;
    });
    expect(moving.legs[0].status).toBe('in-transit');
    expect(moving.legs[0].milestones[2]).toEqual({
      code: 'ARRI',
      location: 'USLGB',
      estimatedAt: '2025-06-06T18:00:00+08:00',
    });
    await status('STA-P2', '202506071200', [
      {
        code: 'VA',
        dtm: '334',
        time: '202506070900',
        locode: 'USLGB',
        container: BOX,
        vessel: true,
      },
      { code: 'UV', dtm: '334', time: '202506071100', locode: 'USLGB', container: BOX },
    ]);
    const discharged = await eventually(async () => {
      const p = await get(planId);
      return p.legs[0].status === 'completed' && p;
    });
    expect(discharged.status).toBe('in-transit');
    expect(discharged.legs[1].status).toBe('planned');
  });

  it('is arrived when the warehouse receives and delivered when it has put the goods away', async () => {
    expect((await inbound('in-p', 'P')).status).toBe(202);
    expect((await statusBecomes('arrived')).legs[1].status).toBe('arrived');
    await inbound('in-c', 'C');
    const done = await statusBecomes('delivered');
    expect(done.legs.map((l) => l.status)).toEqual(['completed', 'completed']);
  });

  it('back-fills a plan created after its milestones, and hides plans from other clients', async () => {
    const response = await gw.request('/logistics/plans', {
      method: 'POST',
      key: gw.adminKey,
      json: { ...plan('D2D-2'), clientId: 'nbhs' },
    });
    const late = (await response.json()) as PlanView;
    expect(late.status).toBe('delivered');
    await new PartnerRepository().upsertClient(gw.pool, {
      id: 'szyt',
      name: 'szyt',
      identifiers: [],
    });
    const other = await gw.request(`/logistics/plans/${planId}`, {
      key: await gw.key('viewer', 'szyt'),
    });
    expect(other.status).toBe(404);
    expect((await gw.request('/logistics/plans/not-a-plan', { key: nbhs })).status).toBe(404);
  });
});
