import { PartnerRepository } from '../../core/storage/partner.repository';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { received, startRecordingGateway } from '../support/recording-handler';
import {
  carrierPartner,
  dcsaEvent,
  dcsaPartner,
  dcsaRetraction,
  iftsta,
  loadedAtNingbo,
} from './logistics-fixtures';
import { untilIdle } from '../support/idle';

const BL = 'TOLNGB25050001';
const BOOKING = 'TOL2505000001';
const BOX = 'SNLU2045180';

interface Entry {
  identity: string;
  eventCode: string;
  classifier: string;
  eventDateTime: string;
  current: boolean;
  retracted: boolean;
  sources: Array<{ partnerId: string; format: string; sourceEventId: string | null }>;
}
interface Timeline {
  blNo: string;
  eta: { at: string; classifier: string } | null;
  containerNos: string[];
  entries: Entry[];
}

describe('shipment timeline from IFTSTA and DCSA T&T', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startRecordingGateway();
    await gw.partners.upsert(carrierPartner('test-carrier', 'http://carrier-edi.test/inbox'));
    await gw.partners.upsert(dcsaPartner('test-dcsa'));
  });
  afterAll(() => stopTestGateway(gw));

  const post = async (partner: string, body: unknown) => {
    const edi = typeof body === 'string';
    const response = await gw.request(`/inbound/${partner}`, {
      method: 'POST',
      headers: { 'content-type': edi ? 'application/edifact' : 'application/json' },
      body: edi ? body : JSON.stringify(body),
    });
    expect(response.status).toBe(202);
  };
  const timeline = async (all = false): Promise<Timeline> => {
    const response = await gw.request(`/logistics/shipments/${BL}${all ? '?all=true' : ''}`, {
      key: gw.adminKey,
    });
    return (await response.json()) as Timeline;
  };
  const until = (probe: (t: Timeline) => boolean, all = false) =>
    eventually(async () => {
      const t = await timeline(all);
      return probe(t) && t;
    });
  const etaChanges = async () =>
    (await received(gw.pool))
      .filter((r) => r.type === 'logistics.shipment.eta-changed')
      .map(
        (r) =>
          r.body.payload as {
            oldEta: { at: string };
            newEta: { at: string; classifier: string };
            delayMinutes: number;
          },
      );
  const handled = async () =>
    Number(
      (
        await gw.pool.query(
          `SELECT count(*) FROM processed_envelopes WHERE consumer = 'logistics-timeline'`,
        )
      ).rows[0].count,
    );
  const arrivals = (t: Timeline) => t.entries.filter((e) => e.eventCode === 'ARRI');
  const vesselArrival = (docTime: string, ref: string, time: string) =>
    iftsta({
      ref,
      docTime,
      bl: BL,
      booking: BOOKING,
      lines: [{ code: 'VA', dtm: '132', time, locode: 'USLGB', container: BOX, vessel: true }],
    });

  it('keeps one entry for the same milestone from IFTSTA and DCSA, with both sources', async () => {
    await post(
      'test-carrier',
      iftsta({
        ref: 'STA-1',
        docTime: '202505201000',
        bl: BL,
        booking: BOOKING,
        lines: [
          loadedAtNingbo(BOX),
          { code: 'VD', dtm: '334', time: '202505202210', locode: 'CNNGB', vessel: true },
          { code: 'VA', dtm: '132', time: '202506061800', locode: 'USLGB', vessel: true },
        ],
      }),
    );
    const load = dcsaEvent({
      id: 'ev-load-1',
      type: 'EQUIPMENT',
      classifier: 'ACT',
      code: 'LOAD',
      at: '2025-05-20T08:30:00Z', // 16:30 in Ningbo, as the IFTSTA says
      createdAt: '2025-05-20T09:00:00Z',
      locode: 'CNNGB',
      bl: BL,
      booking: BOOKING,
      container: BOX,
    });
    await post('test-dcsa', [load]);
    // Each milestone is its own envelope: wait for all of them, and for the ETA.
    const t = await until(
      (x) =>
        x.entries.length === 3 &&
        x.eta !== null &&
        x.entries.some((e) => e.eventCode === 'LOAD' && e.sources.length === 2),
    );
    const loads = t.entries.filter((e) => e.eventCode === 'LOAD');
    expect(loads).toHaveLength(1);
    expect(loads[0].sources.map((s) => [s.partnerId, s.format, s.sourceEventId])).toEqual([
      ['test-carrier', 'edifact', null],
      ['test-dcsa', 'json', 'ev-load-1'],
    ]);
    expect(t.entries.map((e) => `${e.eventCode}/${e.classifier}`)).toEqual([
      'LOAD/ACT',
      'DEPA/ACT',
      'ARRI/EST',
    ]);
    expect(t.eta).toMatchObject({ at: '2025-06-06T18:00:00+08:00', classifier: 'EST' });
    expect(t.containerNos).toEqual([BOX]);
    // A first ETA is no change.
    expect(await etaChanges()).toEqual([]);
  });

  it('lets a newer estimate move the ETA once, and ignores an older estimate arriving late', async () => {
    await post('test-carrier', vesselArrival('202505281000', 'STA-2', '202506080600'));
    const [move] = await eventually(async () => {
      const changes = await etaChanges();
      return changes.length > 0 && changes;
    });
    expect(move).toMatchObject({
      oldEta: { at: '2025-06-06T18:00:00+08:00' },
      newEta: { at: '2025-06-08T06:00:00+08:00', classifier: 'EST' },
      delayMinutes: 36 * 60,
    });
    // Reported on the 25th, before the report of the 28th: it must not win.
    await post('test-carrier', vesselArrival('202505250900', 'STA-3', '202506071200'));
    const all = await until((x) => arrivals(x).length === 3, true);
    expect(
      arrivals(all)
        .filter((e) => e.current)
        .map((e) => e.eventDateTime),
    ).toEqual(['2025-06-08T06:00:00+08:00']);
    expect((await timeline()).eta?.at).toBe('2025-06-08T06:00:00+08:00');
    expect(await etaChanges()).toHaveLength(1);
  });

  it('takes the actual arrival over every estimate, whenever the estimates come', async () => {
    const arrival = dcsaEvent({
      id: 'ev-arri-1',
      type: 'TRANSPORT',
      classifier: 'ACT',
      code: 'ARRI',
      at: '2025-06-08T00:40:00Z',
      createdAt: '2025-06-08T01:00:00Z',
      locode: 'USLGB',
      bl: BL,
      booking: BOOKING,
    });
    await post('test-dcsa', [arrival]);
    await eventually(async () => (await etaChanges()).length === 2);
    expect((await etaChanges())[1]).toMatchObject({
      oldEta: { at: '2025-06-08T06:00:00+08:00' },
      newEta: { at: '2025-06-08T00:40:00Z', classifier: 'ACT' },
      delayMinutes: 2 * 60 + 40, // 00:40Z is 08:40 at +08:00
    });
    // An older estimate delivered late, a newer estimate report, and the actual resent.
    const lateEstimate = {
      ...arrival,
      eventID: 'ev-arri-est-0',
      eventClassifierCode: 'EST',
      eventDateTime: '2025-06-07T20:00:00Z',
      eventCreatedDateTime: '2025-06-01T00:00:00Z',
    };
    const before = await handled();
    await post('test-dcsa', lateEstimate);
    await post('test-carrier', vesselArrival('202506081200', 'STA-4', '202506090000'));
    await post('test-dcsa', arrival);
    await eventually(async () => (await handled()) === before + 3);
    const all = await timeline(true);
    expect(arrivals(all)).toHaveLength(6);
    const current = arrivals(all).filter((e) => e.current);
    expect(current.map((e) => [e.classifier, e.eventDateTime])).toEqual([
      ['ACT', '2025-06-08T00:40:00Z'],
    ]);
    expect(current[0].sources).toHaveLength(1);
    const t = await timeline();
    expect(t.eta).toMatchObject({ at: '2025-06-08T00:40:00Z', classifier: 'ACT' });
    await untilIdle(gw); // a (wrong) further change would have come by now
    expect(await etaChanges()).toHaveLength(2);
  });

  it('drops a retracted milestone from the timeline, keeping it visible as retracted', async () => {
    const discharge = dcsaEvent({
      id: 'ev-disc-1',
      type: 'EQUIPMENT',
      classifier: 'ACT',
      code: 'DISC',
      at: '2025-06-08T06:00:00Z',
      createdAt: '2025-06-08T06:10:00Z',
      locode: 'USLGB',
      bl: BL,
      booking: BOOKING,
      container: BOX,
    });
    await post('test-dcsa', [discharge]);
    await until((x) => x.entries.some((e) => e.eventCode === 'DISC'));
    await post('test-dcsa', dcsaRetraction('ev-retract-1', 'ev-disc-1', discharge));
    const all = await until(
      (x) => x.entries.some((e) => e.eventCode === 'DISC' && e.retracted),
      true,
    );
    expect(all.entries.filter((e) => e.eventCode === 'DISC')).toMatchObject([
      { current: false, retracted: true },
    ]);
    expect((await timeline()).entries.some((e) => e.eventCode === 'DISC')).toBe(false);
  });

  it('finds the shipment by any reference and hides it from clients it is not attributed to', async () => {
    for (const ref of [BOX, BOOKING, BL]) {
      const found = (await (
        await gw.request(`/logistics/shipments?ref=${ref}`, { key: gw.adminKey })
      ).json()) as {
        shipments: Array<{
          blNo: string;
          eta: { classifier: string };
          latestActual: { eventCode: string };
        }>;
      };
      expect(found.shipments).toMatchObject([
        { blNo: BL, eta: { classifier: 'ACT' }, latestActual: { eventCode: 'ARRI' } },
      ]);
    }
    const perBox = (await (
      await gw.request(`/logistics/shipments/${BL}?container=${BOX}`, { key: gw.adminKey })
    ).json()) as Timeline;
    expect(perBox.entries.map((e) => e.eventCode)).toEqual(['LOAD', 'DEPA', 'ARRI']);
    await new PartnerRepository().upsertClient(gw.pool, {
      id: 'someone-else',
      name: 'Someone',
      identifiers: [],
    });
    const client = await gw.key('viewer', 'someone-else');
    expect((await gw.request(`/logistics/shipments/${BL}`, { key: client })).status).toBe(404);
    const none = (await (
      await gw.request(`/logistics/shipments?ref=${BL}`, { key: client })
    ).json()) as { shipments: unknown[] };
    expect(none.shipments).toEqual([]);
  });
});
