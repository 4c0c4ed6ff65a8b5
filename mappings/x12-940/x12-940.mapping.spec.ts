import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import { validateDocument } from '../../core/model/documents';
import type { FulfillmentOrder } from '../../core/model/documents/warehouse.schema';
import { allIssues, parseX12, x12Codec } from '../codecs/x12';
import { exampleUs3plSettings } from '../x12-warehouse/example-3pl.settings';
import { x12Warehouse940Mapping } from './x12-940.mapping';

const dir = join(__dirname, 'golden');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.input.json'))
  .map((f) => f.replace('.input.json', ''));
const ctx = {
  partnerId: 'pacific-crest',
  receivedAt: '2025-03-14T16:30:00Z',
  controlRef: '1201',
  settings: exampleUs3plSettings as Record<string, unknown>,
};
const order = (name = 'ups-ground-two-lines'): FulfillmentOrder =>
  validateDocument<FulfillmentOrder>('FulfillmentOrder', JSON.parse(read(`${name}.input.json`)));
const render = (o: FulfillmentOrder, over: Partial<typeof ctx> = {}) =>
  x12Warehouse940Mapping.render(o, { ...ctx, ...over });

function renderError(o: FulfillmentOrder, over: Partial<typeof ctx> = {}): TradeError {
  try {
    render(o, over);
  } catch (e) {
    return e as TradeError;
  }
  throw new Error('expected the 940 to be refused');
}

describe('FulfillmentOrder -> X12 940', () => {
  it('has golden cases', () => expect(cases.length).toBeGreaterThanOrEqual(2));

  it.each(cases)('renders golden case %s', (name) => {
    const rendered = render(order(name));
    expect(rendered.body.toString('utf8')).toBe(read(`${name}.expected.edi`));
    expect(rendered).toMatchObject({
      format: 'x12',
      messageType: '940',
      messageRef: '1201',
      fileName: '940_1201.edi',
    });
  });

  it.each(cases)('re-parses %s with the codec and passes its 940 structure', (name) => {
    const text = render(order(name)).body.toString('utf8');
    const [ic] = parseX12(text);
    expect(allIssues([ic])).toEqual([]);
    expect(ic.groups[0].sets[0].structure).toBe('940/004010');
    const body = Buffer.from(text);
    const decoded = x12Codec.decode(body, x12Codec.detect(body)!);
    expect(decoded.map((m) => m.detection.messageType)).toEqual(['940']);
  });

  it('is deterministic for a control reference and receivedAt', () => {
    const a = render(order()).body.toString();
    expect(render(order()).body.toString()).toBe(a);
    const b = render(order(), { controlRef: '000001202' }).body.toString();
    expect(b).toContain('*000001202*1*T*>~');
    expect(b).toContain('*1202*X*004010~');
  });

  it('writes ISA/GS and order dates in the partner zone (fixed offset by default)', () => {
    const settings = { ...exampleUs3plSettings, timeZone: undefined };
    const text = render(order(), { settings }).body.toString();
    expect(text).toContain('*250314*1630*');
    expect(text).toContain('G62*04*20250314~');
  });

  it('refuses an unknown shipping service at its pointer', () => {
    const err = renderError({ ...order(), shippingService: 'DHL-EXPRESS' });
    expect(err).toBeInstanceOf(TradeError);
    expect(err).toMatchObject({
      kind: 'mapping',
      stage: 'map',
      location: { pointer: '/shippingService' },
    });
  });

  it('refuses values that do not fit X12 elements, located by pointer', () => {
    const long = renderError({ ...order(), fulfillmentNo: 'FO-2503140042-TOO-LONG-FOR-W05' });
    expect(long.location).toEqual({ pointer: '/fulfillmentNo' });
    const o = order();
    o.shipTo!.name = 'Miles*Jordan';
    expect(renderError(o).message).toMatch(/\/shipTo\/name: .*separator/);
    const region = order();
    region.shipTo!.address.region = 'Colorado';
    expect(renderError(region).location).toEqual({ pointer: '/shipTo/address/region' });
    const unit = order();
    unit.lines[1].unit = 'MTQ';
    expect(renderError(unit).location).toEqual({ pointer: '/lines/1/unit' });
  });

  it('refuses an order received without a ship-to, at /shipTo', () => {
    const err = renderError({ ...order(), shipTo: undefined });
    expect(err).toMatchObject({ kind: 'mapping', location: { pointer: '/shipTo' } });
  });

  it('refuses a warehouse the partner settings do not map', () => {
    expect(renderError({ ...order(), warehouseCode: 'US-JFK-9' }).location).toEqual({
      pointer: '/warehouseCode',
    });
  });

  it('reports broken partner settings as a config error', () => {
    const err = renderError(order(), { settings: { ...exampleUs3plSettings, warehouses: [] } });
    expect(err).toMatchObject({ kind: 'config', location: { pointer: '/warehouses' } });
  });

  it('writes newline-terminated segments for partners that use them', () => {
    const settings = { ...exampleUs3plSettings, separators: { segment: '\n', lineEnding: '' } };
    const text = render(order(), { settings }).body.toString();
    expect(text).toContain('\nST*940*0001\nW05*N*FO-250314-0042*112-3849201-7730615\n');
    expect(allIssues(parseX12(text))).toEqual([]);
    const bad = { ...exampleUs3plSettings, separators: { segment: '\n' } };
    expect(renderError(order(), { settings: bad }).location).toEqual({
      pointer: '/separators/lineEnding',
    });
  });

  it('writes 005010 with the repetition separator in ISA11 when the partner trades it', () => {
    const settings = { ...exampleUs3plSettings, version: '005010' };
    const text = render(order(), { settings }).body.toString();
    expect(text).toContain('*^*00501*000001201*1*T*>~');
    expect(text).toContain('*1201*X*005010~');
    expect(allIssues(parseX12(text))).toEqual([]);
  });

  it('refuses a control reference that ISA13 cannot carry', () => {
    expect(renderError(order(), { controlRef: 'OUT-1201' }).message).toMatch(/1 to 9 digits/);
  });

  it('names the warehouse WH and the owner DE where the partner asks so', () => {
    const settings = {
      ...exampleUs3plSettings,
      warehouseEntity: 'WH',
      billTo: { ...exampleUs3plSettings.billTo, entity: 'DE' },
    };
    const text = render(order(), { settings }).body.toString();
    expect(text).toContain('N1*WH*PACIFIC CREST ONTARIO DC*91*ONT01~');
    expect(text).toContain('N1*DE*HANGZHOU TRADE CO LTD*92*HZT001~');
  });

  it('leaves W66 out when the order names no service (the 3PL routes it)', () => {
    const text = render({ ...order(), shippingService: undefined }).body.toString();
    expect(text).not.toContain('W66');
  });
});
