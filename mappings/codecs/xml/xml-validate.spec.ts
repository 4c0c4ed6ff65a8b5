import * as path from 'node:path';
import { TradeError } from '../../../core/errors/trade-error';
import { assertXsdValid, validateXml } from './xml-validate';

const fixtures = path.join(__dirname, '__fixtures__');
const own = { schemaDir: fixtures, mainXsd: 'order.xsd' };
const order = (orderNo: string, total: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Order xmlns="urn:tradehub:test:order">\n  <orderNo>${orderNo}</orderNo>\n  <total>${total}</total>\n  <line>x</line>\n</Order>\n`;

describe('validateXml', () => {
  it('accepts a valid document against a schema that includes another file', async () => {
    await expect(validateXml(order('PO0001', '10.50'), own)).resolves.toEqual({
      valid: true,
      errors: [],
    });
  });

  it('returns located errors for an invalid document', async () => {
    const result = await validateXml(order('po-1', '10.505'), own);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(result.errors[0].message).toMatch(/orderNo/);
    expect(() => assertXsdValid(result)).toThrow(TradeError);
  });

  it('validates a GBK-declared document after decoding it', async () => {
    const gbk = Buffer.from(order('PO0002', '1.00').replace('UTF-8', 'GBK'), 'latin1');
    expect((await validateXml(gbk, own)).valid).toBe(true);
  });

  it('refuses a document with a DOCTYPE before xmllint sees it', async () => {
    await expect(
      validateXml('<!DOCTYPE Order SYSTEM "file:///etc/passwd"><Order/>', own),
    ).rejects.toMatchObject({
      kind: 'rejected',
      code: 'XML_DTD_FORBIDDEN',
    });
  });

  it('fails as a config error when a schema is missing', async () => {
    await expect(
      validateXml(order('PO0001', '1'), { schemaDir: fixtures, mainXsd: 'absent.xsd' }),
    ).rejects.toMatchObject({
      kind: 'config',
    });
  });
});
