import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CebMessageInput } from '../codecs/cn-customs/ceb-write';
import { writeCebMessage } from '../codecs/cn-customs/ceb-write';
import { cnCustomsCodec } from '../codecs/cn-customs/cn-customs.codec';
import { requireShared } from '../codecs/xml/shared-dir.testing';
import {
  CebSchemaValidator,
  ceb303FromOrder,
  ceb311FromOrder,
  ceb403,
  ceb505,
  ceb603,
  ceb605,
  ceb621,
  ceb623,
  ceb701,
  prepareCeb,
  SoftwareRsaSha1Signer,
  verifySoftwareSignature,
  type CebEdition,
} from '.';
import * as f from './__fixtures__/outbound-inputs';

const golden = (name: string) =>
  readFileSync(path.join(__dirname, '__fixtures__', `${name}.golden.xml`), 'utf8');
const keys = generateKeyPairSync('rsa', { modulusLength: 1024 });
const signer = new SoftwareRsaSha1Signer(keys.privateKey, 'TEST-CERT-0001');
const orderOptions = (guid: string) => ({
  head: f.head(`4A1B2C3D-0000-4000-8000-00000000${guid}`),
  messageGuid: `4A1B2C3D-0000-4000-8000-00000001${guid}`,
  platform: f.platform,
  seller: f.seller,
  sender: f.sender,
});

const messages: Array<[string, () => CebMessageInput]> = [
  ['CEB303', () => ceb303FromOrder(f.order, orderOptions('0303'))],
  [
    'CEB403',
    () =>
      ceb403({
        head: f.head('4A1B2C3D-0000-4000-8000-000000000403'),
        messageGuid: '4A1B2C3D-0000-4000-8000-000000001403',
        sender: f.sender,
        platform: f.platform,
        seller: f.seller,
        orderNo: f.order.orderNo,
        payer: { code: '3302969999', name: '示例支付有限公司', payNo: 'PAY20260315001' },
        charge: { amount: '120.50', currency: 'CNY' },
        accountingAt: new Date('2026-03-15T02:00:00Z'),
      }),
  ],
  [
    'CEB505',
    () =>
      ceb505({
        head: f.head('4A1B2C3D-0000-4000-8000-000000000505'),
        messageGuid: '4A1B2C3D-0000-4000-8000-000000001505',
        sender: f.sender,
        carrier: f.carrier,
        logisticsNo: 'LP00012345678CN',
        freight: { amount: '20', currency: 'CNY' },
        insuredFee: { amount: '0', currency: 'CNY' },
        grossWeightKg: '1.2',
        packageCount: 1,
        goodsInfo: '保温杯2个',
      }),
  ],
  ['CEB603', () => ceb603(f.exportInventory)],
  [
    'CEB701',
    () =>
      ceb701({
        head: f.head('4A1B2C3D-0000-4000-8000-000000000701'),
        messageGuid: '4A1B2C3D-0000-4000-8000-000000001701',
        sender: f.sender,
        customsCode: '3105',
        copNo: 'SUM202603',
        agent: f.agent,
        seller: f.seller,
        declarant: f.agent,
        periodStart: new Date('2026-02-28T16:00:00Z'),
        periodEnd: new Date('2026-03-31T15:59:59Z'),
        inventoryNos: ['310520260000000001', '310520260000000002'],
      }),
  ],
  [
    'CEB605',
    () =>
      ceb605({
        head: f.head('4A1B2C3D-0000-4000-8000-000000000605'),
        messageGuid: '4A1B2C3D-0000-4000-8000-000000001605',
        sender: f.sender,
        customsCode: '3105',
        copNo: 'DEC-SO20260315001',
        inventoryNo: '310520260000000001',
        reason: '买家取消订单',
        agent: f.agent,
        seller: f.seller,
      }),
  ],
  [
    'CEB311',
    () => ceb311FromOrder({ ...f.order, orderNo: 'SI20260315001' }, f.buyer, orderOptions('0311')),
  ],
  ['CEB621', () => ceb621(f.importInventory)],
  [
    'CEB623',
    () =>
      ceb623({
        head: f.head('4A1B2C3D-0000-4000-8000-000000000623'),
        messageGuid: '4A1B2C3D-0000-4000-8000-000000001623',
        sender: f.sender,
        customsCode: '3105',
        orderNo: 'SI20260315001',
        platform: f.platform,
        seller: f.seller,
        carrier: f.carrier,
        logisticsNo: 'YT20260315000001',
        copNo: 'IMP20260315001',
        inventoryNo: '31052026I000000001',
        buyer: f.buyer,
        agent: f.agent,
        reason: '买家取消订单',
      }),
  ],
];

describe('CEB outbound writers', () => {
  it.each(messages)('%s is written as its golden file', (type, build) => {
    expect(writeCebMessage(build()).toString()).toBe(golden(type));
  });

  it.each(messages)('%s reads back through the codec with its head fields', (type, build) => {
    const bytes = writeCebMessage(build());
    const [decoded] = cnCustomsCodec.decode(bytes, cnCustomsCodec.detect(bytes)!);
    expect(decoded.tree.messageType).toBe(type);
    expect(decoded.tree.baseTransfer).toEqual({
      copCode: '330296000A',
      copName: '宁波示例贸易有限公司',
      dxpMode: 'DXP',
      dxpId: 'DXPENT0000012345',
    });
    const [element] = Object.values(decoded.tree.business);
    const record = element[0];
    const head = (Object.values(record).find((v) => typeof v === 'object' && !Array.isArray(v)) ??
      record) as Record<string, string>;
    expect(head).toMatchObject({ appType: '1', appTime: '20260315093000', appStatus: '2' });
  });

  it('converts ISO codes to customs codes and names the field of one it cannot', () => {
    expect(() => ceb303FromOrder({ ...f.order, currency: 'XAU' }, orderOptions('0303'))).toThrow(
      expect.objectContaining({
        kind: 'mapping',
        message: 'currency: "XAU" is not a known currency with a customs code',
      }),
    );
  });

  it('signs with RSA-SHA1 so that the signature verifies, and fails once the body changes', async () => {
    const signed = await signer.sign(writeCebMessage(messages[0][1]()));
    expect(verifySoftwareSignature(signed, keys.publicKey)).toBe(true);
    const tampered = Buffer.from(signed.toString().replace('100.5', '999'));
    expect(verifySoftwareSignature(tampered, keys.publicKey)).toBe(false);
  });

  describe('against the official XSDs', () => {
    const validator = new CebSchemaValidator(requireShared('schemas', 'china-customs'));
    const editions: CebEdition[] = ['2018', '202205'];

    it.each(messages.flatMap(([type, build]) => editions.map((e) => [type, e, build] as const)))(
      '%s signed is valid against the %s schema',
      async (type, edition, build) => {
        const signed = await signer.sign(writeCebMessage(build()));
        expect(await validator.problems(signed, type, edition)).toEqual([]);
      },
    );

    it('refuses to prepare a message the schema rejects, naming the field by XPath', async () => {
      const bad = ceb603({ ...f.exportInventory, customsCode: '31050' });
      await expect(
        prepareCeb(bad, {
          signer,
          validator,
          edition: '202205',
          senderId: 'DXPENT0000012345',
          receiverId: 'DXPEDCCEB0000002',
          now: f.at,
        }),
      ).rejects.toMatchObject({
        kind: 'rejected',
        location: { xpath: '/CEB603Message/Inventory[1]/InventoryHead[1]/customsCode[1]' },
      });
    });

    it('wraps a valid message in DXP with the guid as CopMsgId', async () => {
      const prepared = await prepareCeb(ceb603(f.exportInventory), {
        signer,
        validator,
        edition: '202205',
        senderId: 'DXPENT0000012345',
        receiverId: 'DXPEDCCEB0000002',
        now: f.at,
      });
      const [decoded] = cnCustomsCodec.decode(prepared.dxp, cnCustomsCodec.detect(prepared.dxp)!);
      expect(decoded.interchange?.controlRef).toBe(f.exportInventory.messageGuid);
      expect(prepared.fileName).toBe(`CEB603_${f.exportInventory.messageGuid}.xml`);
    });
  });
});
