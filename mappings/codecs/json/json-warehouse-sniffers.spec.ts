import { jsonCodec } from './json.codec';

const detect = (value: unknown) => jsonCodec.detect(Buffer.from(JSON.stringify(value)));

describe('4PX-style warehouse sniffer', () => {
  it('names push and inventory answer message types', () => {
    const push = (event_type: string) => ({ event_type, event_id: 'e1', push_time: 1, data: {} });
    expect(detect(push('inbound.status'))?.messageType).toBe('warehouse.inbound');
    expect(detect(push('return.status'))?.messageType).toBe('warehouse.inbound');
    expect(detect(push('outbound.status'))?.messageType).toBe('warehouse.fulfillment-event');
    const answer = {
      result: '1',
      msg: 'success',
      data: { data: [{ warehouse_code: 'USLAXA', sku_code: 'A', available_stock: 1 }] },
    };
    expect(detect(answer)).toMatchObject({ standard: '4PX', messageType: 'warehouse.inventory' });
  });

  it('leaves other shapes alone', () => {
    expect(detect({ event_type: 'order.paid', data: {} })?.messageType).toBeUndefined();
    expect(detect({ result: '1', data: { data: [] } })?.messageType).toBeUndefined();
  });
});
