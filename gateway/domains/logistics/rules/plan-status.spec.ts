import {
  belongsToLeg,
  legStatus,
  milestoneViews,
  planStatus,
  resolveLeg,
  type Observation,
} from './plan-status';
import { DoorToDoorPlanSchema, type PlanLeg } from './plan.schema';

// China-Europe Railway Xi'an -> Duisburg, then a truck to the consignee in Düsseldorf.
const rail: PlanLeg = {
  mode: 'RAIL',
  carrier: 'CR Express',
  from: { unLocode: 'CNXIY' },
  to: { unLocode: 'DEDUI' },
  refs: { containerNos: ['CSQU3054383'] },
};
const truck: PlanLeg = {
  mode: 'ROAD',
  from: { unLocode: 'DEDUI' },
  to: { unLocode: 'DEDUS' },
  refs: { containerNos: ['CSQU3054383'] },
};

let n = 0;
const obs = (code: string, location?: string, classifier: Observation['classifier'] = 'ACT') => ({
  identity: `o${++n}`,
  code,
  ...(location ? { location } : {}),
  classifier,
  at: `2025-05-0${(n % 9) + 1}T10:00:00Z`,
  reportedAt: `2025-05-0${(n % 9) + 1}T10:00:00Z`,
});

describe('door-to-door plan status', () => {
  const railLeg = resolveLeg(rail, 0);
  const truckLeg = resolveLeg(truck, 1);

  it('fills a leg from its mode: milestones, arrival and closing', () => {
    expect(railLeg.milestones.map((m) => `${m.code}@${m.location}`)).toEqual([
      'LOAD@CNXIY',
      'DEPA@CNXIY',
      'ARRI@DEDUI',
      'DISC@DEDUI',
    ]);
    expect(railLeg.arrival).toEqual({ code: 'ARRI', location: 'DEDUI' });
    expect(railLeg.closing).toEqual({ code: 'DISC', location: 'DEDUI' });
    const warehouse = resolveLeg({ mode: 'WAREHOUSE', refs: { asnNo: 'ASN-1' } }, 2);
    expect(warehouse.closing.code).toBe('PUTAWAY_DONE');
    expect(warehouse.arrival.code).toBe('ARRIVED');
  });

  it('attributes a milestone to the leg whose place it matches', () => {
    const gateOutDuisburg = obs('GTOT', 'DEDUI');
    expect(belongsToLeg(truckLeg, gateOutDuisburg)).toBe(true);
    expect(belongsToLeg(railLeg, gateOutDuisburg)).toBe(false);
    expect(belongsToLeg(railLeg, obs('ARRI', 'PLWAW'))).toBe(false);
  });

  it('moves a leg planned -> in-transit -> arrived -> completed on actual milestones only', () => {
    expect(legStatus(railLeg, [obs('DEPA', 'CNXIY', 'EST')])).toBe('planned');
    expect(legStatus(railLeg, [obs('DEPA', 'CNXIY')])).toBe('in-transit');
    expect(legStatus(railLeg, [obs('ARRI', 'DEDUI')])).toBe('arrived');
    expect(legStatus(railLeg, [obs('ARRI', 'DEDUI'), obs('DISC', 'DEDUI')])).toBe('completed');
  });

  it('counts a milestone after the arrival as arrived (an arrival the source never sent)', () => {
    const warehouse = resolveLeg({ mode: 'WAREHOUSE', refs: { asnNo: 'ASN-1' } }, 2);
    expect(legStatus(warehouse, [obs('RECEIVING')])).toBe('arrived');
    expect(legStatus(warehouse, [obs('PUTAWAY_DONE')])).toBe('completed');
  });

  it.each([
    [['planned', 'planned'], 'planned'],
    [['in-transit', 'planned'], 'in-transit'],
    [['completed', 'planned'], 'in-transit'],
    [['completed', 'in-transit'], 'in-transit'],
    [['completed', 'arrived'], 'arrived'],
    [['completed', 'completed'], 'delivered'],
  ] as const)('plan of legs %j is %s', (legs, status) => {
    expect(planStatus(legs)).toBe(status);
  });

  it('shows each expected milestone with its newest estimate and its actual', () => {
    const views = milestoneViews(railLeg, [
      {
        ...obs('ARRI', 'DEDUI', 'EST'),
        at: '2025-05-20T08:00:00Z',
        reportedAt: '2025-05-01T00:00:00Z',
      },
      {
        ...obs('ARRI', 'DEDUI', 'EST'),
        at: '2025-05-22T08:00:00Z',
        reportedAt: '2025-05-10T00:00:00Z',
      },
      { ...obs('DEPA', 'CNXIY'), at: '2025-05-02T06:00:00+08:00' },
    ]);
    expect(views[1]).toEqual({
      code: 'DEPA',
      location: 'CNXIY',
      actualAt: '2025-05-02T06:00:00+08:00',
    });
    expect(views[2]).toEqual({
      code: 'ARRI',
      location: 'DEDUI',
      estimatedAt: '2025-05-22T08:00:00Z',
    });
  });

  it('refuses a plan without legs or a leg without references', () => {
    expect(DoorToDoorPlanSchema.safeParse({ reference: 'P1', legs: [] }).success).toBe(false);
    const noRefs = DoorToDoorPlanSchema.safeParse({
      reference: 'P1',
      legs: [{ mode: 'SEA', refs: {} }],
    });
    expect(noRefs.error?.issues[0].message).toMatch(/needs a reference/);
    expect(DoorToDoorPlanSchema.safeParse({ reference: 'P1', legs: [rail, truck] }).success).toBe(
      true,
    );
  });
});
