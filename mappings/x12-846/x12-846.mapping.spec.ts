import { join } from 'node:path';
import type { WarehouseInventory } from '../../core/model/documents/warehouse.schema';
import { inboundHarness } from '../x12-warehouse/x12-golden.testing';
import { x12Warehouse846Mapping } from './x12-846.mapping';

const h = inboundHarness<WarehouseInventory>(x12Warehouse846Mapping, join(__dirname, 'golden'));
const { map, mapError } = h;
const twoWarehouses = h.sample('two-warehouses.edi');
// The first LIN alone, with its quantities replaced by `qtys`.
const firstLin = (qtys: string[]) => {
  const head = twoWarehouses.slice(0, twoWarehouses.indexOf('QTY*17*1184'));
  const tail = twoWarehouses.slice(twoWarehouses.indexOf('SE*'));
  const body = `${head}${qtys.map((q) => `${q}~\n`).join('')}CTT*1~\n`;
  const count = body.slice(body.indexOf('ST*')).split('~\n').length;
  return body + tail.replace(/^SE\*\d+/, `SE*${count}`);
};

describe('X12 846 -> WarehouseInventory', () => {
  it.each(h.cases)('maps golden case %s', h.checkGolden);

  it('derives available from on hand less committed and unfulfillable when 33 is absent', () => {
    const result = map(firstLin(['QTY*17*50*EA', 'QTY*27*8*EA', 'QTY*20*2*EA', 'QTY*74*1*EA']));
    const [item] = (result.documents[0].payload as WarehouseInventory).items;
    expect(item).toMatchObject({ available: 39, reserved: 8, unfulfillable: 3, inbound: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('warns when an item has neither 33 nor 17, and on a wrong CTT count', () => {
    const text = firstLin(['QTY*63*10*EA']).replace('CTT*1~', 'CTT*2~');
    expect(map(text).warnings).toEqual([
      '846 0001 LIN 1 at segment 6 has no 33 or 17 quantity: available 0',
      '846 0001 CTT01 says 2 line items, the set has 1 LIN',
    ]);
  });

  it('refuses negative or fractional stock at its QTY', () => {
    expect(mapError(firstLin(['QTY*33*-4*EA'])).location).toMatchObject({
      segmentTag: 'QTY',
      segmentIndex: 8,
    });
    expect(mapError(firstLin(['QTY*33*2.5*EA'])).message).toMatch(/'2.5' is not a whole/);
  });

  it('refuses an item counted in two units', () => {
    expect(mapError(firstLin(['QTY*33*4*EA', 'QTY*27*1*LB'])).message).toMatch(/H87 and LBR/);
  });

  it('refuses a LIN without the SKU qualifier', () => {
    const err = mapError(twoWarehouses.replace('LIN*2*VN*KT-1500-BK', 'LIN*2*UP*036000291452'));
    expect(err).toMatchObject({ kind: 'mapping', stage: 'map', location: { segmentTag: 'LIN' } });
  });

  it('refuses a location N1 for a warehouse the settings do not know', () => {
    const err = mapError(twoWarehouses.replace('*91*RNO02', '*91*SEA07'));
    expect(err).toMatchObject({ code: 'X12_WAREHOUSE', location: { segmentIndex: 20 } });
  });

  it('needs a header warehouse when the partner has several', () => {
    const text = twoWarehouses
      .replace('N1*WH*PACIFIC CREST ONTARIO DC*91*ONT01~\n', '')
      .replace('SE*23', 'SE*22');
    expect(mapError(text).location).toMatchObject({ segmentTag: 'BIA' });
  });
});
