import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { TradeError } from '../../../core/errors/trade-error';
import { parseXml } from './xml-parse';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '__fixtures__', name));

function rejection(input: Buffer | string, limits = {}): TradeError {
  try {
    parseXml(input, { limits });
  } catch (err) {
    expect(err).toBeInstanceOf(TradeError);
    const error = err as TradeError;
    expect(error.kind).toBe('rejected');
    expect(error.stage).toBe('parse');
    return error;
  }
  throw new Error('input was accepted');
}

describe('parseXml', () => {
  it('builds the golden tree: prefixes and URIs, codes as strings, CDATA, significant text', () => {
    const doc = parseXml(fixture('basic.xml'));
    const expected: unknown = JSON.parse(fixture('basic.tree.json').toString());
    expect(JSON.parse(JSON.stringify(doc.root))).toEqual(expected);
    expect(doc.declaration).toEqual({ version: '1.0', encoding: 'UTF-8' });
  });

  it('resolves prefixes in scope and locates elements by xpath, line and column', () => {
    const doc = parseXml(fixture('basic.xml'));
    const header = doc.root.child('Header')!;
    expect(header.prefix).toBe('tn');
    expect(header.lookupNamespace('tn')).toBe('urn:tradehub:test:notice');
    expect(header.lookupNamespace('')).toBe('urn:tradehub:test:default');
    expect(doc.locate(header.child('currency')!)).toEqual({
      xpath: '/Notice/Header/currency',
      line: 6,
      column: 5,
    });
    expect(doc.root.at('Line', 'mixed')!.text()).toBe('before  after');
  });

  it('gives positions to repeated siblings in xpaths', () => {
    const doc = parseXml('<r><a/><b/><a><c/></a></r>');
    expect(doc.root.elements('a')[1].child('c')!.xpath).toBe('/r/a[2]/c');
  });

  it('tolerates a UTF-8 BOM and CRLF line ends', () => {
    const input = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<?xml version="1.0"?>\r\n<a>\r\n<b>x\r\ny</b></a>'),
    ]);
    const doc = parseXml(input);
    expect(doc.root.child('b')!.text()).toBe('x\ny');
    expect(doc.locate(doc.root.child('b')!).line).toBe(3);
  });

  it('reads a GBK-declared document through iconv-lite', () => {
    const doc = parseXml(fixture('gbk-declared.xml'));
    expect(doc.charset).toBe('gbk');
    expect(doc.root.child('ebpName')!.text()).toBe('东方物通科技(北京)有限公司');
    expect(doc.root.child('currency')!.text()).toBe('142');
  });

  it('reads GB18030 and refuses an unknown declared encoding', () => {
    const gb = iconv.encode('<?xml version="1.0" encoding="GB18030"?><a>报关单</a>', 'gb18030');
    expect(parseXml(gb).root.text()).toBe('报关单');
    const error = rejection(Buffer.from('<?xml version="1.0" encoding="X-KLINGON"?><a/>'));
    expect(error.message).toMatch(/unsupported encoding/);
  });

  it('refuses bytes that are not UTF-8 when no other encoding is declared', () => {
    const error = rejection(iconv.encode('<a>\n中文</a>', 'gbk'));
    expect(error.location).toEqual({ line: 2, column: 1 });
  });

  it('rejects the billion laughs entity bomb at its DOCTYPE, before the parser runs', () => {
    const error = rejection(fixture('billion-laughs.xml'));
    // The guard's code and the DOCTYPE's position show no entity was ever read, let alone expanded.
    expect(error.code).toBe('XML_DTD_FORBIDDEN');
    expect(error.location).toEqual({ line: 2, column: 1 });
  });

  it('rejects an external entity (XXE) attempt', () => {
    const error = rejection(fixture('xxe.xml'));
    expect(error.code).toBe('XML_DTD_FORBIDDEN');
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it('finds a DOCTYPE hidden after the root but not one inside CDATA or a comment', () => {
    expect(rejection('<a/><!DOCTYPE a>').code).toBe('XML_DTD_FORBIDDEN');
    expect(parseXml('<a><![CDATA[<!DOCTYPE html>]]><!-- <!DOCTYPE x> --></a>').root.text()).toBe(
      '<!DOCTYPE html>',
    );
  });

  it('refuses undeclared entities and prefixes with a location', () => {
    expect(rejection('<a>\n<b>&nbsp;</b></a>').location).toEqual({
      line: 2,
      column: 1,
      xpath: '/a/b',
    });
    expect(rejection('<a><x:b/></a>').location).toMatchObject({ xpath: '/a/b' });
  });

  it('reports malformed XML with line and column', () => {
    expect(rejection('<a>\n  <b>\n</a>').location).toEqual({ line: 3, column: 1 });
    expect(rejection('<a>\n<b></b>').message).toMatch(/<a> is not closed/);
    expect(rejection('<a x="1" x="2"/>').message).toMatch(/repeated/);
    expect(rejection('<a x=1/>').message).toMatch(/malformed attributes/);
    expect(rejection('<a/><b/>').message).toMatch(/more than one root/);
    expect(rejection('<a/>trailing').message).toMatch(/text outside/);
  });

  it('reads attribute values that look like attributes, and places errors among later siblings', () => {
    expect(parseXml('<a note="p q=r" q="1"/>').root.attrs).toEqual({ note: 'p q=r', q: '1' });
    expect(rejection('<r><b x:id="1"/><b/></r>').location).toMatchObject({ xpath: '/r/b[1]' });
  });

  it('rejects a too-deep document at the limit with its xpath', () => {
    const deep = '<d>'.repeat(100) + '</d>'.repeat(100);
    const error = rejection(deep);
    expect(error.code).toBe('XML_LIMIT');
    expect(error.location?.xpath).toBe('/' + Array(65).fill('d').join('/'));
    expect(parseXml(deep, { limits: { maxDepth: 100 } }).root.local).toBe('d');
  });

  it('enforces size, element count and attribute count limits', () => {
    expect(rejection('<a>' + 'x'.repeat(100) + '</a>', { maxBytes: 50 }).code).toBe('XML_LIMIT');
    expect(
      rejection('<a>' + '<b/>'.repeat(10) + '</a>', { maxElements: 5 }).location,
    ).toMatchObject({ xpath: '/a/b' });
    expect(rejection('<a p="1" q="2" r="3"/>', { maxAttributes: 2 }).message).toMatch(
      /more than 2 attributes/,
    );
  });
});
