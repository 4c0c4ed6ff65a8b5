import { writeCebMessage } from './cn-customs/ceb-write';
import { ceb303Input } from './cn-customs/__fixtures__/ceb303-input';
import { detectFormat, detectXmlFamily, xmlAndJsonDetectors, type Detector } from './detect';

const edifact: Detector = (input) =>
  input.toString('latin1', 0, 3) === 'UNA' || input.toString('latin1', 0, 3) === 'UNB'
    ? { format: 'edifact', standard: 'UN/EDIFACT' }
    : null;

describe('detectFormat', () => {
  it('names ISO 20022 from the Document namespace', () => {
    const camt = Buffer.from(
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>',
    );
    expect(detectFormat(camt, xmlAndJsonDetectors)).toEqual({
      format: 'iso20022',
      standard: 'ISO 20022',
      version: 'camt.053.001.02',
      messageType: 'camt.053',
      charset: 'utf-8',
    });
  });

  it('names CEB messages, with prefix or default namespace', () => {
    expect(detectXmlFamily(writeCebMessage(ceb303Input))).toMatchObject({
      format: 'cn-customs',
      standard: 'China customs CEB',
      version: '202205',
      messageType: 'CEB303',
    });
    const receipt = Buffer.from(
      '<CEB304Message xmlns="http://www.chinaport.gov.cn/ceb" guid="x" version="1.0"/>',
    );
    expect(detectXmlFamily(receipt)).toMatchObject({ messageType: 'CEB304' });
  });

  it('falls back to plain XML, then JSON, and leaves other bytes to other detectors', () => {
    expect(detectFormat(Buffer.from('<Invoice/>'), xmlAndJsonDetectors)).toEqual({
      format: 'xml',
      standard: 'XML',
      messageType: 'Invoice',
      charset: 'utf-8',
    });
    expect(
      detectFormat(Buffer.from('{"orderNo":"1","lines":[]}'), xmlAndJsonDetectors),
    ).toMatchObject({ format: 'json' });
    const interchange = Buffer.from("UNB+UNOC:3+SENDER+RECEIVER+240315:0930+1'");
    expect(detectFormat(interchange, xmlAndJsonDetectors)).toBeNull();
    expect(detectFormat(interchange, [...xmlAndJsonDetectors, edifact])).toEqual({
      format: 'edifact',
      standard: 'UN/EDIFACT',
    });
    expect(detectFormat(Buffer.alloc(0), xmlAndJsonDetectors)).toBeNull();
  });

  it('turns a failing detector into an internal detect error', () => {
    const broken: Detector = () => {
      throw new Error('boom');
    };
    expect(() => detectFormat(Buffer.from('x'), [broken])).toThrow(
      expect.objectContaining({ kind: 'internal', stage: 'detect' }),
    );
  });
});
