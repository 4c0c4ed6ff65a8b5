import type { CebMessageInput } from '../ceb-write';

/** A 9610 export order with two lines, fields in the 202205 schema order. */
export const ceb303Input: CebMessageInput = {
  messageType: 'CEB303',
  guid: '8D6E1C2A-4B3F-4E5A-9C7D-0A1B2C3D4E5F',
  business: {
    Order: [
      {
        OrderHead: {
          guid: '1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9',
          appType: '1',
          appTime: '20240315093000',
          appStatus: '2',
          orderType: 'E',
          orderNo: 'SO2024031500012',
          ebpCode: '3302961234',
          ebpName: '宁波示例跨境电商平台有限公司',
          ebcCode: '330296000A',
          ebcName: '宁波示例贸易有限公司',
          goodsValue: '0120.50',
          freight: '0',
          currency: '142',
          note: '',
        },
        OrderList: [
          {
            gnum: '1',
            itemNo: '00012',
            itemName: '不锈钢保温杯',
            unit: '011',
            currency: '142',
            qty: '2',
            price: '40.25',
            totalPrice: '80.50',
          },
          {
            gnum: '2',
            itemNo: '00013',
            itemName: '硅胶杯盖',
            barCode: '6901234567892',
            unit: '011',
            currency: '142',
            qty: '4',
            price: '10',
            totalPrice: '40',
          },
        ],
      },
    ],
  },
  baseTransfer: {
    copCode: '330296000A',
    copName: '宁波示例贸易有限公司',
    dxpMode: 'DXP',
    dxpId: 'DXPENT0000012345',
  },
};
