import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InboundMapping } from '../../core/translation/contract';
import { edifactCodec, type EdifactMessage } from '../codecs/edifact';
import { carrierContext } from './__fixtures__/carrier-partners.fixture';
import { readExpectation } from './__fixtures__/golden-cases';
import {
  coarriMapping,
  codecoMapping,
  coparnMapping,
  iftmbcMapping,
  iftstaMapping,
  vermasMapping,
} from './index';

// One event DTM per message type, written CCYYMMDDHHMMSS under format 203 (CCYYMMDDHHMM): the
// class of deviation lenient checks read as 204 with a warning, and strict checks refuse.
const CASES: Array<[string, string, string, InboundMapping<EdifactMessage>]> = [
  ['edifact-iftsta', 'sino-ningbo-export', "DTM+334:202504181415:203'", iftstaMapping],
  ['edifact-codeco', 'sino-ningbo-gate-in', "DTM+7:202504181415:203'", codecoMapping],
  ['edifact-coarri', 'lbct-harbor-star-moves', "DTM+203:202505120634:203'", coarriMapping],
  ['edifact-vermas', 'sino-vgm-two-containers', "DTM+798:202504171130:203'", vermasMapping],
  ['edifact-iftmbc', 'sino-confirmed', "DTM+133:202504201800:203'", iftmbcMapping],
  ['edifact-coparn', 'sino-empty-release', "DTM+201:202504160800:203'", coparnMapping],
];

describe('carrier EDIFACT mappings read a longer DTM only under lenient checks', () => {
  it.each(CASES)('%s/%s', (folder, name, dtm, mapping) => {
    const dir = join(__dirname, '..', folder);
    const { partner, receivedAt } = readExpectation(dir, name);
    const text = readFileSync(join(dir, 'golden', `${name}.edi`), 'latin1');
    expect(text).toContain(dtm);
    const longer = Buffer.from(text.replace(dtm, dtm.replace(":203'", "00:203'")), 'latin1');
    const [message] = edifactCodec.decode(longer, { format: 'edifact', standard: 'UN/EDIFACT' });
    expect(() => mapping.toCanonical(message, carrierContext(partner, receivedAt))).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ segmentTag: 'DTM' }) }),
    );
    const ctx = carrierContext(partner, receivedAt, 'lenient');
    const result = mapping.toCanonical(message, ctx);
    expect(result.documents.length).toBeGreaterThan(0);
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/DTM \d+: "\d{14}" is longer than format 203: read as 204/),
    );
  });
});
