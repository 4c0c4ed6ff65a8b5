import { generateKeyPairSync } from 'node:crypto';
import { exportDeclaration } from '../../../core/model/documents/__fixtures__/customs.fixture';
import { salesOrder } from '../../../core/model/documents/__fixtures__/commerce.fixture';
import { booking } from '../../../core/model/documents/__fixtures__/logistics.fixture';
import { requireShared } from '../../../mappings/codecs/xml/shared-dir.testing';
import {
  CebSchemaValidator,
  prepareCeb,
  SoftwareRsaSha1Signer,
} from '../../../mappings/cn-customs-outbound';
import type { CebRecord } from '../../../mappings/codecs/cn-customs/ceb-types';
import type { DeclarationRow } from './clearance.repository';
import { clearanceSettings } from './clearance.settings';
import { cancellationFor, ecommerceMessagesFor } from './ecommerce-messages';

const keys = generateKeyPairSync('rsa', { modulusLength: 1024 });
const settings = clearanceSettings({});
const validator = new CebSchemaValidator(requireShared('schemas', 'china-customs'));
const signer = new SoftwareRsaSha1Signer(keys.privateKey, 'TEST-CERT-0001');

function rowFor(mode: string): DeclarationRow {
  return {
    id: 'd1',
    clientKey: 'c1',
    clientId: 'c1',
    orderNo: salesOrder.orderNo,
    clientRef: `DEC-${mode}`,
    supervisionMode: mode,
    port: '3105',
    state: 'DRAFT',
    declaration: { ...exportDeclaration, supervisionMode: mode },
    problems: [],
    hold: null,
    submissionGuid: null,
    recordGuid: null,
    stateAt: null,
    reason: null,
    submittedAt: null,
    inventoryNo: null,
    cancellationGuid: null,
    cancellationRecordGuid: null,
    summaryId: null,
    createdAt: '',
    updatedAt: '',
  };
}

const head = (m: { business: Record<string, CebRecord[]> }, element: string, part?: string) => {
  const record = m.business[element][0];
  return (part ? record[part] : record) as CebRecord;
};

describe('e-commerce export message sets', () => {
  it.each([
    ['9610', 'E'],
    ['9710', 'B'],
    ['9810', 'W'],
  ])(
    '%s files CEB303 (orderType %s), CEB505 and CEB603, each valid against its XSD',
    async (mode, orderType) => {
      const order = { ...salesOrder, customsMode: mode };
      const messages = ecommerceMessagesFor(rowFor(mode), order, booking, settings);
      expect(messages.map((m) => m.messageType)).toEqual(['CEB303', 'CEB505', 'CEB603']);
      expect(head(messages[0], 'Order', 'OrderHead').orderType).toBe(orderType);
      expect(head(messages[2], 'Inventory', 'InventoryHead').tradeMode).toBe(mode);
      // The list names the order and the waybill it is checked against.
      const list = head(messages[2], 'Inventory', 'InventoryHead');
      expect(list.orderNo).toBe(head(messages[0], 'Order', 'OrderHead').orderNo);
      expect(list.logisticsNo).toBe(head(messages[1], 'Logistics').logisticsNo);
      for (const m of messages) {
        const prepared = await prepareCeb(m, {
          signer,
          validator,
          edition: '202205',
          senderId: settings.dxpId,
          receiverId: settings.receiverId,
          now: new Date('2025-05-21T02:00:00Z'),
        });
        expect(prepared.messageType).toBe(m.messageType);
      }
    },
  );

  it('withdraws a declared list by CEB605 naming the number customs gave it, valid against the XSD', async () => {
    const row = {
      ...rowFor('9610'),
      state: 'CANCELLING' as const,
      inventoryNo: '310520260000000042',
    };
    const m = cancellationFor(row, salesOrder, booking, settings, '订单取消 order cancelled');
    const record = head(m, 'InvtCancel');
    expect(record).toMatchObject({
      invtNo: '310520260000000042',
      copNo: 'DEC-9610',
      customsCode: row.declaration.customsCode,
      reason: '订单取消 order cancelled',
      agentCode: settings.platform.code,
    });
    for (const edition of ['2018', '202205'] as const) {
      const prepared = await prepareCeb(m, {
        signer,
        validator,
        edition,
        senderId: settings.dxpId,
        receiverId: settings.receiverId,
        now: new Date('2025-05-21T02:00:00Z'),
      });
      expect(prepared.messageType).toBe('CEB605');
    }
  });

  it('refuses a mode that files no e-commerce messages', () => {
    expect(() => ecommerceMessagesFor(rowFor('0110'), salesOrder, booking, settings)).toThrow(
      /0110 files no CEB e-commerce messages/,
    );
  });
});
