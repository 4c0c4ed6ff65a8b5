import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import type { WarehouseInbound } from '../../core/model/documents/warehouse.schema';
import { allIssues, parseX12 } from '../codecs/x12';
import { toDecodedMessage } from '../codecs/x12/x12-message';
import { goldenContext, inboundHarness } from '../x12-warehouse/x12-golden.testing';
import { x12Warehouse944Mapping } from './x12-944.mapping';

const h = inboundHarness<WarehouseInbound>(x12Warehouse944Mapping, join(__dirname, 'golden'));
const { map, mapError, payloadOf: inboundOf } = h;
const reno = h.sample('reno-over-no-lx.edi');

describe('X12 944 -> WarehouseInbound', () => {
  it.each(h.cases)('maps golden case %s', h.checkGolden);

  it('reads W13 exceptions (damaged, short, over) when a tree carries them', () => {
    // The codec's 944 table does not list W13 yet, so the set is parsed leniently here.
    const text = reno
      .replace('QTY*12*100*EA~\n', 'W13*3*EA*01*L1*DA~\nW13*4*EA*03~\n')
      .replace('W14*128~', 'W13*2*EA*02~\nW14*128~')
      .replace('SE*8*0001', 'SE*10*0001');
    const [ic] = parseX12(text);
    expect(allIssues([ic]).map((i) => i.code)).toContain('SEGMENT_NOT_IN_SET');
    const message = toDecodedMessage(ic.groups[0].sets[0], ic.groups[0], ic, 0);
    const payload = x12Warehouse944Mapping.toCanonical(message, goldenContext).documents[0]
      .payload as WarehouseInbound;
    expect(validateDocument<WarehouseInbound>('WarehouseInbound', payload).lines).toEqual([
      { sku: 'PALLET-WRAP-20', expectedQty: 100, receivedQty: 104, damagedQty: 3, unit: 'H87' },
      { sku: 'MUG-350-BLU', expectedQty: 26, receivedQty: 24, unit: 'H87' },
    ]);
    expect(payload.status).toBe('PARTIAL');
  });

  it('warns when W14 does not match the lines', () => {
    expect(map(reno.replace('W14*128', 'W14*130')).warnings).toContain(
      '944 0001 W1401 reports 130 units received, the W07 lines add up to 128',
    );
  });

  it('takes the only configured warehouse when no N1 names one', () => {
    const settings = {
      ...(goldenContext.settings as object),
      warehouses: [{ warehouseCode: 'US-RNO-1', partnerCode: 'RNO02', name: 'RENO' }],
    };
    const text = reno
      .replace('N1*WH*PACIFIC CREST RENO DC*91*RNO02~\n', '')
      .replace('SE*8', 'SE*7');
    const doc = map(text, { ...goldenContext, settings });
    expect((doc.documents[0].payload as WarehouseInbound).warehouseCode).toBe('US-RNO-1');
  });

  it('locates a missing depositor order number at W17', () => {
    const err = mapError(reno.replace('*WR-RNO-3301*ASN-HT-250305', '*WR-RNO-3301'));
    expect(err).toMatchObject({
      kind: 'mapping',
      stage: 'map',
      location: { segmentIndex: 4, segmentTag: 'W17' },
    });
    expect(err.message).toMatch(/W1704 \(depositor order number\) is required/);
  });

  it('refuses a receipt without lines, and lines without the SKU', () => {
    const noLines = reno
      .replace(/W07\*104[^~]*~\nQTY[^~]*~\n/, '')
      .replace(/W07\*24[^~]*~\n/, '')
      .replace('SE*8', 'SE*5');
    expect(mapError(noLines).message).toMatch(/no W07 receipt lines/);
    expect(
      mapError(reno.replace('**VN*PALLET-WRAP-20', '**UP*036000291452')).location,
    ).toMatchObject({ segmentTag: 'W07', segmentIndex: 6 });
  });

  it('refuses more damaged units than received', () => {
    const text = reno.replace('QTY*12*100*EA', 'QTY*74*105*EA');
    expect(mapError(text).message).toMatch(/105 damaged of 104 received/);
  });

  it('maps PUTAWAY_DONE with lot numbers from REF LT (N9 LT in the LX shape, see golden)', () => {
    const text = reno.replace('QTY*12*100*EA', 'REF*LT*LOT-77');
    const inbound = inboundOf(text);
    expect(inbound.status).toBe('PUTAWAY_DONE');
    expect(inbound.lines[0]).toMatchObject({ batchNo: 'LOT-77', expectedQty: 104 });
  });
});
