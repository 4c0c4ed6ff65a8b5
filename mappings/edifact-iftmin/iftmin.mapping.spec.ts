import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import { validateDocument } from '../../core/model/documents';
import type { Booking } from '../../core/model/documents/logistics-booking.schema';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import {
  goldenDir,
  mappingFor,
  outboundCases,
  readCase,
  renderCase,
} from './__fixtures__/outbound-cases';

const golden = goldenDir;
const render = renderCase;
const cases = outboundCases();

describe('IFTMIN golden cases (canonical -> EDIFACT)', () => {
  it.each(cases)('%s renders byte for byte as expected', (name) => {
    const c = readCase(name);
    validateDocument(c.documentType, c.payload);
    const rendered = render(c);
    expect(rendered.body.toString('latin1')).toBe(
      readFileSync(join(golden, `${name}.expected.edi`), 'latin1'),
    );
    expect(rendered).toMatchObject({
      format: 'edifact',
      messageType: 'IFTMIN',
      messageRef: c.controlRef,
      fileName: `IFTMIN_${c.controlRef}.edi`,
    });
  });
});

describe('IFTMIN rendering', () => {
  const booking = readCase('sino-booking-request');

  it('depends only on the payload, controlRef and ctx.receivedAt', () => {
    expect(render(booking).body.equals(render(booking).body)).toBe(true);
    const later = render({ ...booking, receivedAt: '2025-04-17T03:00:00Z' }).body.toString(
      'latin1',
    );
    expect(later).toContain('+250417:1100+');
    expect(later).toContain('DTM+137:202504171100:203');
  });

  it('writes a Chinese party under its Latin altName in UNOC', () => {
    expect(render(booking).body.toString('latin1')).toContain(
      'NAD+CZ+91350100M000100Y43:160:ZZZ++NINGBO LAKESIDE',
    );
  });

  const failure = (payload: unknown, settings: Record<string, unknown> = {}): TradeError => {
    try {
      render({ ...booking, payload }, settings);
    } catch (e) {
      return e as TradeError;
    }
    throw new Error('expected a failure');
  };
  const base = booking.payload as Booking;

  it('locates a value that cannot be written by its JSON pointer', () => {
    const chineseAddress = {
      ...base,
      consignee: {
        ...base.consignee,
        name: 'Lakeside',
        address: { lines: ['长兴路 88 号'], country: 'CN' },
      },
    };
    expect(failure(chineseAddress)).toMatchObject({
      kind: 'mapping',
      stage: 'map',
      location: { pointer: '/consignee/address/lines' },
    });
    expect(failure({ ...base, bookingRequestRef: 'R'.repeat(36) }).location).toEqual({
      pointer: '/bookingRequestRef',
    });
    expect(failure({ ...base, shipper: { name: '宁波湖畔家电有限公司' } }).message).toMatch(
      /no altName/,
    );
  });

  it('carries the same address in UTF-8 when the partner uses UNOY', () => {
    const chineseAddress = {
      ...base,
      consignee: { name: 'Lakeside', address: { lines: ['长兴路 88 号'], country: 'CN' } },
    };
    const body = mappingFor(booking).render(chineseAddress, {
      ...carrierContext('sino-ocean-lines', booking.receivedAt),
      settings: { ...carrierContext('sino-ocean-lines').settings, syntax: 'UNOY:3' },
      controlRef: 'TH1',
    }).body;
    expect(body.toString('utf8')).toContain('NAD+CN+++Lakeside+长兴路 88 号');
  });

  it('refuses an SI without ports (as DCSA sends it) at the missing port', () => {
    const si = readCase('pacific-star-shipping-instruction');
    const payload = { ...(si.payload as object), portOfDischarge: undefined };
    expect(() => render({ ...si, payload })).toThrow(
      expect.objectContaining({ kind: 'mapping', location: { pointer: '/portOfDischarge' } }),
    );
  });

  it('needs the interchange ids from the partner settings', () => {
    expect(failure(base, { senderId: undefined })).toMatchObject({ kind: 'config' });
  });
});
