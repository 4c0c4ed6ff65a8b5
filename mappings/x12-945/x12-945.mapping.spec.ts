import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import type { FulfillmentEvent } from '../../core/model/documents/warehouse.schema';
import { inboundHarness } from '../x12-warehouse/x12-golden.testing';
import { x12Warehouse945Mapping } from './x12-945.mapping';

const h = inboundHarness<FulfillmentEvent>(x12Warehouse945Mapping, join(__dirname, 'golden'));
const { map, mapError, payloadOf: eventOf } = h;
const parcel = h.sample('parcel-short-ship.edi');

describe('X12 945 -> FulfillmentEvent', () => {
  it.each(h.cases)('maps golden case %s', h.checkGolden);

  it('reports EXCEPTION when the warehouse shipped nothing', () => {
    const text = parcel
      .replace('W12*CC*2*2*0*EA', 'W12*DS*2*0*2*EA')
      .replace('W12*CP*6*4*2*EA', 'W12*DS*6*0*6*EA')
      .replace('W03*6*', 'W03*0*');
    const event = eventOf(text);
    expect(event).toMatchObject({ status: 'EXCEPTION', reason: 'nothing shipped' });
    expect(event.shippedLines).toEqual([
      { sku: 'KT-1500-WH', quantity: 0, orderedQty: 2, unit: 'H87' },
      { sku: 'MUG-350-BLU', quantity: 0, orderedQty: 6, unit: 'H87' },
    ]);
  });

  it('warns when W03 does not match the lines', () => {
    expect(map(parcel.replace('W03*6*', 'W03*7*')).warnings[0]).toMatch(/W0301 reports 7/);
  });

  it('reads cases (CA) as the Rec 21 package type CS', () => {
    const event = eventOf(parcel.replace('W12*CP*6*4*2*EA', 'W12*CP*6*4*2*CA'));
    expect(event.shippedLines?.[1]).toMatchObject({ sku: 'MUG-350-BLU', unit: 'CS' });
  });

  it('falls back to W27 routing when no SCAC is given (customer pickup)', () => {
    expect(eventOf(parcel.replace('W27*U*UPSN*UPS GROUND', 'W27*CE**WILL CALL')).carrier).toBe(
      'WILL CALL',
    );
  });

  it('locates a W12 without the SKU qualifier at its segment', () => {
    const err = mapError(parcel.replace('EA**VN*MUG-350-BLU', 'EA**UP*036000291452'));
    expect(err).toBeInstanceOf(TradeError);
    expect(err).toMatchObject({
      kind: 'mapping',
      stage: 'map',
      location: { segmentIndex: 18, segmentTag: 'W12' },
    });
    expect(err.message).toMatch(/no VN product id/);
  });

  it('refuses a unit without a Rec 20 mapping at its segment', () => {
    const err = mapError(parcel.replace('W12*CP*6*4*2*EA', 'W12*CP*6*4*2*ZZ'));
    expect(err).toMatchObject({ code: 'X12_UNIT', location: { segmentTag: 'W12' } });
  });

  it('refuses fractional or missing shipped quantities', () => {
    expect(mapError(parcel.replace('W12*CP*6*4*2', 'W12*CP*6*4.5*1.5')).message).toMatch(
      /W1203 .*'4.5'/,
    );
    expect(mapError(parcel.replace('W12*CP*6*4*2', 'W12*CP*6**2')).message).toMatch(
      /W1203 \(number of units shipped\) is required/,
    );
  });

  it('refuses a warehouse the partner settings do not know, at its N1', () => {
    const err = mapError(parcel.replace('*91*ONT01', '*91*LAX09'));
    expect(err).toMatchObject({ code: 'X12_WAREHOUSE', location: { segmentTag: 'N1' } });
  });

  it('refuses an impossible shipped date at its G62', () => {
    const err = mapError(parcel.replace('G62*11*20250314', 'G62*11*20250231'));
    expect(err.location).toMatchObject({ segmentTag: 'G62', segmentIndex: 10 });
  });
});
