import * as iconv from 'iconv-lite';
import { TradeError } from '../../../core/errors/trade-error';
import { el, leaf } from './xml-build';
import { parseXml } from './xml-parse';
import { serializeXml, writeXml } from './xml-write';

const sample = () =>
  el(
    'ceb:Order',
    {},
    el(
      'ceb:OrderHead',
      {},
      leaf('ceb:orderNo', 'A&B <1>'),
      leaf('ceb:note', undefined),
      leaf('ceb:currency', '142'),
    ),
    el('ceb:Remark', { 'ceb:kind': 'x"y\nz' }, 'mixed ', el('ceb:b', {}, 'bold'), ' text'),
  );

describe('serializeXml / writeXml', () => {
  it('writes compact XML with declaration, declared prefixes and escaping', () => {
    expect(serializeXml(sample(), { namespaces: { ceb: 'http://www.chinaport.gov.cn/ceb' } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<ceb:Order xmlns:ceb="http://www.chinaport.gov.cn/ceb"><ceb:OrderHead><ceb:orderNo>A&amp;B &lt;1&gt;</ceb:orderNo>' +
        '<ceb:currency>142</ceb:currency></ceb:OrderHead>' +
        '<ceb:Remark ceb:kind="x&quot;y&#10;z">mixed <ceb:b>bold</ceb:b> text</ceb:Remark></ceb:Order>',
    );
  });

  it('pretty-prints element-only content and leaves mixed content alone', () => {
    const text = serializeXml(
      el('Document', {}, el('A', {}, leaf('B', '1')), el('M', {}, 'x', el('i', {}, 'y'))),
      {
        pretty: true,
        namespaces: { '': 'urn:test' },
      },
    );
    expect(text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:test">\n  <A>\n    <B>1</B>\n  </A>\n  <M>x<i>y</i></M>\n</Document>\n',
    );
  });

  it('round-trips through the parser with values unchanged', () => {
    const xml = writeXml(sample(), {
      namespaces: { ceb: 'http://www.chinaport.gov.cn/ceb' },
      pretty: true,
    });
    const root = parseXml(xml).root;
    expect(root.at('OrderHead', 'orderNo')!.text()).toBe('A&B <1>');
    expect(root.child('Remark')!.attr('ceb:kind')).toBe('x"y\nz');
    expect(root.child('Remark')!.ns).toBe('http://www.chinaport.gov.cn/ceb');
  });

  it('encodes in the declared encoding and references characters it lacks', () => {
    const bytes = writeXml(el('a', {}, '报关 €'), { encoding: 'GBK', declaration: true });
    expect(iconv.decode(bytes, 'gbk')).toBe('<?xml version="1.0" encoding="GBK"?><a>报关 €</a>');
    const latin = writeXml(el('a', {}, '中é'), { encoding: 'ISO-8859-1' });
    expect(latin.toString('latin1')).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?><a>&#x4E2D;é</a>',
    );
    expect(parseXml(latin).root.text()).toBe('中é');
  });

  it('refuses an undeclared prefix and a control character, located', () => {
    expect(() => serializeXml(el('a', {}, el('p:b')))).toThrow(TradeError);
    try {
      serializeXml(el('a', {}, el('b', {}, 'bell\u0007')));
    } catch (err) {
      expect((err as TradeError).location).toEqual({ xpath: '/a/b' });
      return;
    }
    throw new Error('control character accepted');
  });

  it('splits "]]>" inside CDATA so it stays one value', () => {
    const root = el('a');
    root.children.push({ cdata: 'x]]>y' });
    expect(parseXml(serializeXml(root)).root.text()).toBe('x]]>y');
  });
});
