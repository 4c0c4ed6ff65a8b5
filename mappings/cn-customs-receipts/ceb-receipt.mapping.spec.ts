import { cnCustomsCodec } from '../codecs/cn-customs/cn-customs.codec';
import { writeCebMessage } from '../codecs/cn-customs/ceb-write';
import { validateDocument } from '../../core/model';
import { cebReceiptMapping } from '.';

const ctx = { partnerId: 'single-window', receivedAt: '2026-03-15T10:00:00+08:00' };
const GUID = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';

function mapBytes(bytes: Buffer) {
  const [message] = cnCustomsCodec.decode(bytes, cnCustomsCodec.detect(bytes)!);
  return cebReceiptMapping.toCanonical(message, ctx);
}

function receipt(messageType: string, element: string, fields: Record<string, string>) {
  return writeCebMessage(
    {
      messageType,
      guid: GUID,
      business: { [element]: [fields] },
      baseTransfer: {
        copCode: '3302961234',
        copName: '示例',
        dxpMode: 'DXP',
        dxpId: 'DXPENT0000012345',
      },
    },
    { prefix: '' },
  );
}

describe('cebReceiptMapping', () => {
  it('maps a goods declaration receipt (DecReturnMessage) to a DeclarationReceipt answering DEC', () => {
    const { documents } = mapBytes(
      receipt('DECRTN', 'DecReturn', {
        guid: GUID,
        copNo: 'DEC-SO-1',
        entryId: '310420261000012345',
        returnStatus: '120',
        returnTime: '20260315103000123',
        returnInfo: '入库成功',
      }),
    );
    expect(documents[0].payload).toEqual({
      messageType: 'DEC',
      guid: GUID,
      clientRef: 'DEC-SO-1',
      entryId: '310420261000012345',
      returnStatus: '120',
      returnStatusMeaning: 'entered customs database',
      outcome: 'ENTERED',
      returnTime: '2026-03-15T10:30:00.123+08:00',
      returnInfo: '入库成功',
    });
  });

  it('maps an inventory release to a DeclarationReceipt answering CEB603', () => {
    const { documents, warnings } = mapBytes(
      receipt('CEB604', 'InventoryReturn', {
        guid: GUID,
        agentCode: '3302961234',
        copNo: 'INV-2026-0001',
        preNo: 'B20260315000000001',
        invtNo: '310120260000012345',
        returnStatus: '800',
        returnTime: '20260315101112013',
        returnInfo: '放行',
      }),
    );
    expect(warnings).toEqual([]);
    expect(documents).toEqual([
      {
        documentType: 'DeclarationReceipt',
        eventType: 'clearance.declaration.receipt',
        occurredAt: '2026-03-15T10:11:12.013+08:00',
        payload: {
          messageType: 'CEB603',
          guid: GUID,
          clientRef: 'INV-2026-0001',
          preEntryId: 'B20260315000000001',
          inventoryNo: '310120260000012345',
          returnStatus: '800',
          returnStatusMeaning: 'released',
          outcome: 'RELEASED',
          returnInfo: '放行',
          returnTime: '2026-03-15T10:11:12.013+08:00',
        },
      },
    ]);
    expect(() => validateDocument('DeclarationReceipt', documents[0].payload)).not.toThrow();
  });

  it.each([
    ['CEB304', 'OrderReturn', '100', 'CEB303', 'REJECTED'],
    ['CEB506', 'LogisticsReturn', '120', 'CEB505', 'ENTERED'],
    ['CEB702', 'SummaryReturn', '399', 'CEB701', 'REVIEW'],
    ['CEB622', 'InventoryReturn', '500', 'CEB621', 'INSPECTION'],
    ['CEB312', 'OrderReturn', '-301010', 'CEB311', 'ERROR'],
  ])('%s %s status %s answers %s as %s', (type, element, status, answers, outcome) => {
    const { documents } = mapBytes(
      receipt(type, element, {
        guid: GUID,
        orderNo: 'SO-1',
        returnStatus: status,
        returnTime: '20260315101112',
        returnInfo: 'x',
      }),
    );
    expect(documents[0].payload).toMatchObject({ messageType: answers, outcome });
  });

  it('keeps an unlisted status as processing and warns', () => {
    const { documents, warnings } = mapBytes(
      receipt('CEB624', 'InvtCancelReturn', {
        guid: GUID,
        copNo: 'C1',
        returnStatus: '23',
        returnTime: '20260315101112',
      }),
    );
    expect(documents[0].payload).toMatchObject({ outcome: 'PROCESSING', messageType: 'CEB623' });
    expect(warnings).toEqual([
      '/CEB624Message/InvtCancelReturn[1]: returnStatus 23 is not in the CEB table',
    ]);
  });

  it('reads the answered message of a CEB900 format-error receipt from its text', () => {
    const { documents } = mapBytes(
      receipt('CEB900', 'MessageReturn', {
        guid: GUID,
        returnStatus: '-1',
        returnTime: '20260315101112',
        returnInfo: 'CEB603Message 报文格式错误: invtNo 缺失',
      }),
    );
    expect(documents[0].payload).toMatchObject({
      messageType: 'CEB603',
      outcome: 'ERROR',
      returnInfo: 'CEB603Message 报文格式错误: invtNo 缺失',
    });
  });

  it('fails on a bad returnTime naming the field by XPath', () => {
    expect(() =>
      mapBytes(
        receipt('CEB304', 'OrderReturn', {
          guid: GUID,
          orderNo: 'SO-1',
          returnStatus: '2',
          returnTime: '2026-03-15',
        }),
      ),
    ).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        location: { xpath: '/CEB304Message/OrderReturn[1]/returnTime' },
      }),
    );
  });

  it('maps the DXP transport reply to a receipt for the message it answers', () => {
    const rep = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>
<DxpRep xmlns="http://www.chinaport.gov.cn/dxp" ver="1.0">
  <RecevierId>DXPENT0000012345</RecevierId>
  <Response>
    <ResponseCode>0</ResponseCode>
    <ResponseInfo>报文接收成功</ResponseInfo>
    <NoticeTime>2026-03-15</NoticeTime>
    <OriHead>
      <CopMsgId>${GUID}</CopMsgId>
      <SenderId>DXPENT0000012345</SenderId>
      <ReceiverIds><ReceiverId>DXPEDCCEB0000002</ReceiverId></ReceiverIds>
      <CreatTime>2026-03-15T09:30:00</CreatTime>
      <MsgType>CEB603Message</MsgType>
    </OriHead>
  </Response>
</DxpRep>`,
    );
    expect(cnCustomsCodec.detect(rep)).toMatchObject({ messageType: 'DxpRep' });
    const { documents } = mapBytes(rep);
    expect(documents[0].payload).toEqual({
      messageType: 'CEB603',
      guid: GUID,
      returnStatus: '0',
      returnStatusMeaning: 'accepted by the E-Port exchange',
      outcome: 'PROCESSING',
      returnInfo: '报文接收成功',
      returnTime: '2026-03-15T00:00:00+08:00',
    });
  });
});
