import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TradeError } from '../../../core/errors/trade-error';
import { ceb303Input } from './__fixtures__/ceb303-input';
import { writeCebMessage, writeDxpMessage } from './ceb-write';
import { cnCustomsCodec } from './cn-customs.codec';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '__fixtures__', name));
const decode = (input: Buffer) => cnCustomsCodec.decode(input, cnCustomsCodec.detect(input)!);
const dxpInfo = {
  copMsgId: 'MSG20240315000001',
  senderId: 'DXPENT0000012345',
  receiverIds: ['DXPEDCCEB0000002'],
  createdAt: '2024-03-15T09:30:00',
  msgType: 'CEB303Message',
};

describe('cnCustomsCodec', () => {
  it('detects prefixed and default-namespace CEB messages', () => {
    expect(cnCustomsCodec.detect(writeCebMessage(ceb303Input))).toEqual({
      format: 'cn-customs',
      standard: 'China customs CEB',
      version: '202205',
      messageType: 'CEB303',
      charset: 'utf-8',
    });
    expect(cnCustomsCodec.detect(fixture('CEB622Message.xml'))).toMatchObject({
      messageType: 'CEB622',
    });
    expect(cnCustomsCodec.detect(Buffer.from('<CEB303Message xmlns="urn:other"/>'))).toBeNull();
  });

  it('decodes a receipt to its golden tree: codes with leading zeros stay strings, returns as a list', () => {
    const [message] = decode(fixture('CEB622Message.xml'));
    expect(message.messageRef).toBe('0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9');
    expect(JSON.parse(JSON.stringify(message.tree))).toEqual(
      JSON.parse(fixture('CEB622Message.tree.json').toString()),
    );
  });

  it('keeps repeated list blocks, BaseTransfer and the signature', () => {
    const signed = writeCebMessage(ceb303Input)
      .toString()
      .replace(
        '</ceb:CEB303Message>',
        '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></ceb:CEB303Message>',
      );
    const [{ tree }] = decode(Buffer.from(signed));
    const order = tree.business.Order[0];
    expect(order.OrderList).toHaveLength(2);
    expect(order.OrderHead).toMatchObject({ goodsValue: '0120.50', currency: '142', note: '' });
    expect(tree.baseTransfer).toEqual(ceb303Input.baseTransfer);
    expect(tree.signature?.at('SignatureValue')?.text()).toBe('AAAA');
    expect(tree.signature?.ns).toBe('http://www.w3.org/2000/09/xmldsig#');
  });

  it('writes CEB303 equal to its golden file, and in the default namespace on request', () => {
    expect(writeCebMessage(ceb303Input).toString()).toBe(
      fixture('CEB303Message.golden.xml').toString(),
    );
    const plain = writeCebMessage(ceb303Input, { prefix: '', pretty: false }).toString();
    expect(plain).toContain('<CEB303Message xmlns="http://www.chinaport.gov.cn/ceb"');
    expect(decode(Buffer.from(plain))[0].tree.business).toEqual(ceb303Input.business);
  });

  it('unwraps the base64 Data of a DXP envelope to the inner CEB message', () => {
    const dxp = writeDxpMessage(writeCebMessage(ceb303Input), dxpInfo);
    expect(cnCustomsCodec.detect(dxp)).toMatchObject({
      format: 'cn-customs',
      messageType: 'CEB303',
    });
    const withoutType = Buffer.from(dxp.toString().replace(/<MsgType>.*<\/MsgType>/, ''));
    expect(cnCustomsCodec.detect(withoutType)).toMatchObject({ messageType: 'CEB303' });
    const [message] = decode(dxp);
    expect(message.messageRef).toBe(ceb303Input.guid);
    expect(message.interchange).toEqual({
      syntax: 'DXP',
      senderId: 'DXPENT0000012345',
      recipientId: 'DXPEDCCEB0000002',
      controlRef: 'MSG20240315000001',
      preparedAt: '2024-03-15T09:30:00',
    });
    expect(message.tree.envelope?.msgType).toBe('CEB303Message');
  });

  it('reads a GBK-encoded CEB message', () => {
    const gbk = writeCebMessage(ceb303Input, { encoding: 'GBK' });
    const [{ tree, detection }] = decode(gbk);
    expect(detection.charset).toBe('gbk');
    expect((tree.business.Order[0].OrderHead as Record<string, string>).ebcName).toBe(
      '宁波示例贸易有限公司',
    );
  });

  it('fails located on a missing guid, a broken DXP payload and a message without business', () => {
    const noGuid = Buffer.from(
      '<ceb:CEB303Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" version="1.0"><ceb:Order/></ceb:CEB303Message>',
    );
    expect(() => decode(noGuid)).toThrow(
      expect.objectContaining({ kind: 'rejected', location: { xpath: '/CEB303Message/@guid' } }),
    );
    const badData = Buffer.from(
      '<DxpMsg xmlns="http://www.chinaport.gov.cn/dxp" ver="1.0"><TransInfo/><Data>%%%</Data></DxpMsg>',
    );
    expect(() => decode(badData)).toThrow(
      expect.objectContaining({ location: { xpath: '/DxpMsg/Data' } }),
    );
    const empty = Buffer.from(
      `<CEB622Message xmlns="http://www.chinaport.gov.cn/ceb" guid="${ceb303Input.guid}" version="1.0"/>`,
    );
    expect(() => decode(empty)).toThrow(TradeError);
  });

  it('refuses to write a malformed guid', () => {
    expect(() => writeCebMessage({ ...ceb303Input, guid: 'abc' })).toThrow(
      expect.objectContaining({ kind: 'mapping' }),
    );
  });
});
