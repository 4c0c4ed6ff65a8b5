import type { DecodedMessage, FormatId } from '../../core/translation/contract';
import { edifactCodec } from '../../mappings/codecs/edifact';
import { parseXml } from '../../mappings/codecs/xml/xml-parse';
import { corpusFile } from './cli.testing';
import { summarizeTree } from './tree-summary';

const decoded = (format: FormatId, tree: unknown): DecodedMessage => ({
  detection: { format, standard: format },
  index: 0,
  tree,
});

describe('summarizeTree', () => {
  it('EDIFACT: the segment tags of the message', () => {
    const input = corpusFile('iftsta-d99b-shanghai.edi');
    const [message] = edifactCodec.decode(input, edifactCodec.detect(input)!);
    expect(summarizeTree(message)).toBe(
      '16 segments: UNH BGM DTM NAD RFF CNI STS RFF DTM LOC EQD STS DTM LOC EQD UNT',
    );
  });

  it('X12: the segments of the set, loops flattened, ST and SE counted', () => {
    const body = [{ tag: 'W05' }, { loopId: '0100', nodes: [{ tag: 'N1' }, { tag: 'N1' }] }];
    expect(summarizeTree(decoded('x12', { set: { body } }))).toBe('5 segments: ST W05 N1×2 SE');
  });

  it('CEB: the business blocks and the envelope', () => {
    const tree = {
      messageType: 'CEB303',
      guid: 'G-1',
      business: { Order: [{}, {}] },
      envelope: { receiverIds: [] },
    };
    expect(summarizeTree(decoded('cn-customs', tree))).toBe(
      'CEB303 guid G-1: Order×2 (in DXP envelope)',
    );
  });

  it('XML: the root and its children', () => {
    const doc = parseXml('<Shipment><Ref>1</Ref><Line/><Line/></Shipment>');
    expect(summarizeTree(decoded('xml', doc))).toBe('<Shipment> Ref Line×2');
  });

  it('JSON: the top-level keys or the array length', () => {
    expect(summarizeTree(decoded('json', { a: 1, b: [] }))).toBe('object {a b}');
    expect(summarizeTree(decoded('json', [1, 2]))).toBe('array of 2 items');
    expect(summarizeTree(decoded('json', 'x'))).toBe('string value');
  });
});
