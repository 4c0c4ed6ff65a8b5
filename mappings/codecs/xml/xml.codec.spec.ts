import { xmlCodec } from './xml.codec';

describe('xmlCodec', () => {
  it('detects XML after a BOM, whitespace, declaration and comments', () => {
    const input = Buffer.from(
      '\uFEFF  <?xml version="1.0"?>\n<!-- c --><?pi x?>\n<p:Root xmlns:p="urn:x" a="1"><c/></p:Root>',
    );
    expect(xmlCodec.detect(input)).toEqual({
      format: 'xml',
      standard: 'XML',
      messageType: 'Root',
      charset: 'utf-8',
    });
  });

  it('does not claim JSON or EDIFACT', () => {
    expect(xmlCodec.detect(Buffer.from('{"a":1}'))).toBeNull();
    expect(xmlCodec.detect(Buffer.from("UNA:+.? 'UNB+UNOC:3"))).toBeNull();
  });

  it('decodes one message holding the document', () => {
    const input = Buffer.from('<r><code>0110</code></r>');
    const [message] = xmlCodec.decode(input, xmlCodec.detect(input)!);
    expect(message.index).toBe(0);
    expect(message.tree.root.child('code')!.text()).toBe('0110');
  });
});
