import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDocument } from '../../core/model/documents';
import { requireShared } from '../codecs/xml/shared-dir.testing';
import { buildFormatRegistry } from '../format-registry.default';
import { lenientRegistry } from '../pipeline/lenient-registry';
import { x12BillOfLadingMapping } from './x12-310.mapping';

// The carrier's sample 310 states SE01 49 for 46 segments: strict refuses it, a partner with
// lenient envelope checks gets its B/L with the count as a syntax warning.
const raw = readFileSync(
  join(requireShared('corpus', 'warehouse'), 'x12-310-004010-ocean-bill-of-lading.edi'),
);

describe('corpus X12 310 under lenient envelope checks', () => {
  const strict = buildFormatRegistry({ inbound: [x12BillOfLadingMapping] });

  it('is refused strictly for its SE01 count and mapped leniently to a B/L', () => {
    const detection = strict.detect(raw)!;
    expect(() => strict.codec('x12').decode(raw, detection)).toThrow(/SE01 says 49/);
    const [message] = lenientRegistry(strict).codec('x12').decode(raw, detection);
    const mapping = strict.inboundFor(detection)!;
    const result = mapping.toCanonical(message, {
      partnerId: 'sample-carrier',
      receivedAt: '2022-08-30T12:00:00Z',
      settings: {},
    });
    const [bl] = result.documents;
    validateDocument(bl.documentType, bl.payload);
    expect(bl.payload).toMatchObject({
      blNo: 'IDENTIFIER123',
      bookingNos: ['1XXX011114'],
      portOfLoading: { unLocode: 'CLSVE' },
      portOfDischarge: { unLocode: 'USBAL' },
      containers: [{ containerNo: 'TCNU6849731', seals: ['MLCL0008628'] }],
    });
  });
});
