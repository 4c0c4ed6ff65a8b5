import { TradeError } from '../errors/trade-error';
import {
  DOCUMENT_TYPE_NAMES,
  DOCUMENTS,
  exportJsonSchemas,
  getDocumentDefinition,
  jsonPointer,
  validateDocument,
} from './documents';
import { salesOrder } from './documents/__fixtures__/commerce.fixture';

function thrown(fn: () => unknown): TradeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TradeError) return e;
    throw e;
  }
  throw new Error('expected a TradeError');
}

describe('document registry', () => {
  it('names every definition by its own name, version 1, with a routing key', () => {
    for (const name of DOCUMENT_TYPE_NAMES) {
      const def = DOCUMENTS[name];
      expect(def.name).toBe(name);
      expect(def.version).toBe('1');
      expect(def.defaultEventType).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+$/);
    }
  });

  it('refuses an unknown name as an internal error', () => {
    const err = thrown(() => getDocumentDefinition('SalesOrders'));
    expect(err.kind).toBe('internal');
    expect(thrown(() => getDocumentDefinition('toString')).kind).toBe('internal');
  });

  it('returns the parsed payload of a valid document', () => {
    expect(validateDocument('SalesOrder', salesOrder)).toEqual(salesOrder);
  });

  it('reports a mapping error at validate with the first pointer and up to 5 issues', () => {
    const broken = {
      ...salesOrder,
      orderDate: '2025-03-03 09:15',
      currency: 'usd',
      lines: [{ ...salesOrder.lines[0], hsCode: '8516.71', lineNo: 0 }],
      buyer: { name: '' },
      status: 'NEW',
      goodsValue: { amount: '1e4', currency: 'USD' },
    };
    const err = thrown(() => validateDocument('SalesOrder', broken));
    expect(err.kind).toBe('mapping');
    expect(err.stage).toBe('validate');
    expect(err.location?.pointer).toBe('/orderDate');
    expect(err.message).toMatch(/^SalesOrder v1 invalid \(7 issues\): \/orderDate: /);
    expect(err.message).toContain('/lines/0/lineNo');
    expect(err.message.match(/; \//g)).toHaveLength(4);
    expect(err.message).toMatch(/and 2 more$/);
  });

  it('flags a currency that differs from the document currency', () => {
    const err = thrown(() =>
      validateDocument('SalesOrder', {
        ...salesOrder,
        totalAmount: { amount: '21000.00', currency: 'EUR' },
      }),
    );
    expect(err.location?.pointer).toBe('/totalAmount/currency');
  });

  it('refuses fields the schema does not know, so a misspelt mapping field is not lost', () => {
    const top = thrown(() => validateDocument('SalesOrder', { ...salesOrder, blNumber: 'X1' }));
    expect(top.location?.pointer).toBe('');
    expect(top.message).toMatch(/^SalesOrder v1 invalid \(1 issue\): \/: .*blNumber/);
    const nested = thrown(() =>
      validateDocument('SalesOrder', {
        ...salesOrder,
        lines: [{ ...salesOrder.lines[0], colour: 'white' }],
      }),
    );
    expect(nested.location?.pointer).toBe('/lines/0');
    expect(nested.message).toContain('colour');
  });

  it('escapes JSON pointer tokens', () => {
    expect(jsonPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(jsonPointer([])).toBe('');
  });
});

describe('JSON Schema export', () => {
  const schemas = exportJsonSchemas();

  it('covers every document and the envelope, with $id and title', () => {
    expect(Object.keys(schemas).sort()).toEqual([...DOCUMENT_TYPE_NAMES, 'Envelope'].sort());
    for (const name of [...DOCUMENT_TYPE_NAMES, 'Envelope']) {
      expect(schemas[name]).toMatchObject({
        $id: `https://tradehub.example/schemas/${name}-1.json`,
        title: name,
        type: 'object',
      });
    }
  });
});
