import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TradeError } from '../../core/errors/trade-error';
import {
  shipmentEventIdentity,
  type ShipmentEvent,
} from '../../core/model/documents/logistics-event.schema';
import { edifactCodec } from '../codecs/edifact';
import { carrierContext } from '../carrier-edifact/__fixtures__/carrier-partners.fixture';
import { describeGoldenCases } from '../carrier-edifact/__fixtures__/golden-cases';
import { iftstaMapping } from './iftsta.mapping';

const decode = (name: string) =>
  edifactCodec.decode(readFileSync(join(__dirname, 'golden', `${name}.edi`)), {
    format: 'edifact',
    standard: 'UN/EDIFACT',
  })[0];

describeGoldenCases('IFTSTA -> ShipmentEvent golden cases', __dirname, iftstaMapping);

describe('IFTSTA mapping', () => {
  const sino = decode('sino-ningbo-export');

  it('gives each status of a consignment its own milestone identity', () => {
    const events = iftstaMapping
      .toCanonical(sino, carrierContext('sino-ocean-lines'))
      .documents.map((d) => d.payload as ShipmentEvent);
    expect(new Set(events.map(shipmentEventIdentity)).size).toBe(events.length);
  });

  it('reads the same message through another line only by its settings', () => {
    // Pacific Star has no X12 codes and skips unknown ones: the Sino report maps to nothing.
    const result = iftstaMapping.toCanonical(sino, carrierContext('pacific-star-shipping'));
    expect(result.documents).toEqual([]);
    expect(result.warnings.filter((w) => w.includes('not in the code list'))).toHaveLength(5);
  });

  it('lets a partner override a default code', () => {
    const ctx = carrierContext('sino-ocean-lines');
    const settings = {
      ...ctx.settings,
      statusCodes: { VA: { eventKind: 'EQUIPMENT', eventCode: 'DISC', emptyIndicator: 'LADEN' } },
      unknownStatus: 'skip',
    };
    const events = iftstaMapping
      .toCanonical(sino, { ...ctx, settings })
      .documents.map((d) => d.payload as ShipmentEvent);
    expect(events.find((e) => e.sourceStatusCode === 'VA')).toMatchObject({
      eventKind: 'EQUIPMENT',
      eventCode: 'DISC',
      classifier: 'EST',
      emptyIndicator: 'LADEN',
    });
  });

  it('reports bad partner settings as a config error, naming the setting', () => {
    const ctx = { ...carrierContext('sino-ocean-lines'), settings: { timeZone: 'Mars/Olympus' } };
    let caught: unknown;
    try {
      iftstaMapping.toCanonical(sino, ctx);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TradeError);
    expect((caught as TradeError).kind).toBe('config');
    expect((caught as TradeError).message).toMatch(/timeZone/);
  });

  it('refuses a status report cancellation at its BGM', () => {
    const text = readFileSync(join(__dirname, 'golden', 'error-unknown-status.edi'), 'latin1');
    const cancelled = edifactCodec.decode(
      Buffer.from(text.replace("SNLSTA250421005+9'", "SNLSTA250421005+1'"), 'latin1'),
      {
        format: 'edifact',
        standard: 'UN/EDIFACT',
      },
    )[0];
    expect(() => iftstaMapping.toCanonical(cancelled, carrierContext('sino-ocean-lines'))).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        code: 'cancellation',
        location: expect.objectContaining({ segmentTag: 'BGM' }),
      }),
    );
  });
});
