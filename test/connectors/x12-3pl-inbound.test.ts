import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  keystone846,
  keystone945,
} from '../../connectors/warehouse-x12/__fixtures__/keystone-files.fixture';
import { filesIn, messagesOf, pollNow } from '../support/carrier-sftp';
import { eventually, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { receivedFrom, startRecordingGateway } from '../support/recording-handler';
import { SftpTestServer } from '../support/sftp-server';
import { addThreePl } from './x12-3pl-support';

let server: SftpTestServer;
let gw: TestGateway;

beforeAll(async () => {
  server = await SftpTestServer.start();
  gw = await startRecordingGateway();
});
afterAll(async () => {
  await stopTestGateway(gw);
  await server?.close();
});

const eventsOf = (partnerId: string) => receivedFrom(gw.pool, partnerId);
const acksIn = (dir: string) => filesIn(dir).filter((f) => f.startsWith('997_'));

describe('X12 files from a US 3PL over SFTP (real sshd)', () => {
  it('turns a dropped 945 into a FulfillmentEvent and answers it with a 997', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-945');
    const file = keystone945({
      control: 5101,
      fulfillmentNo: 'FO-KS-0001',
      orderNo: 'SO-88412',
      lines: [
        ['KT-1500-WH', 2],
        ['MUG-350-BLU', 6],
      ],
    });
    writeFileSync(join(dirs.inboundDir, '945_5101.x12'), file);
    expect(await pollNow(gw, '3pl-945')).toEqual([
      { outcome: 'polled', result: { received: 1, deferred: 0 } },
    ]);
    expect(filesIn(dirs.archiveDir)).toEqual(['945_5101.x12']);

    const [event] = await eventually(async () => {
      const rows = await eventsOf('3pl-945');
      return rows.length === 1 && rows;
    });
    expect(event.type).toBe('warehouse.fulfillment.status');
    expect(event.body.source).toMatchObject({ format: 'x12', messageType: '945' });
    expect(event.body.payload).toMatchObject({
      fulfillmentNo: 'FO-KS-0001',
      provider: 'Keystone Fulfillment',
      warehouseCode: 'US-ABE-1',
      status: 'SHIPPED',
      orderNos: ['SO-88412'],
      trackingNos: ['1Z4E71F90342007710', '1Z4E71F90342007711'],
    });

    const [ack] = await eventually(
      async () => acksIn(dirs.outboundDir).length === 1 && acksIn(dirs.outboundDir),
    );
    const text = readFileSync(join(dirs.outboundDir, ack), 'utf8');
    // From TradeHub to Keystone's ISA id, in the separators it used, answering group 5101.
    expect(text).toMatch(/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*TRADEHUB {7}\*01\*078123456 {6}\*/);
    expect(text).toContain('~\r\nAK1*SW*5101~\r\nAK2*945*0001~\r\nAK5*A~\r\nAK9*A*1*1*1~\r\n');
    const out = await eventually(async () => {
      const rows = (await messagesOf(gw, '3pl-945')).filter((m) => m.direction === 'out');
      return rows[0]?.state === 'sent' && rows;
    });
    expect(out.map((m) => m.messageType)).toEqual(['997']);
  });

  it('leaves a 945 without its IEA in place until the 3PL has finished writing it', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-half');
    const whole = keystone945({
      control: 5102,
      fulfillmentNo: 'FO-KS-0002',
      orderNo: 'SO-88413',
      lines: [['KT-1500-WH', 1]],
    });
    const file = join(dirs.inboundDir, '945_5102.x12');
    writeFileSync(file, whole.subarray(0, whole.length - 22));
    expect(await pollNow(gw, '3pl-half')).toEqual([
      { outcome: 'polled', result: { received: 0, deferred: 1 } },
    ]);
    writeFileSync(file, whole);
    expect(await pollNow(gw, '3pl-half')).toEqual([
      { outcome: 'polled', result: { received: 1, deferred: 0 } },
    ]);
    await eventually(async () => (await eventsOf('3pl-half')).length === 1);
  });

  it('updates the logistics stock from an 846 and answers it', async () => {
    const { dirs } = await addThreePl(gw, server, '3pl-846');
    writeFileSync(
      join(dirs.inboundDir, '846_5201.x12'),
      keystone846({
        control: 5201,
        lines: [
          // SKUs of their own: the 945s above moved the Allentown stock of theirs.
          ['KT-1700-BK', 1184, 84],
          ['TRAY-200-OAK', 240, 0],
        ],
      }),
    );
    await pollNow(gw, '3pl-846');
    const stock = async (sku: string) => {
      const response = await gw.request(`/logistics/stock?warehouse=US-ABE-1&sku=${sku}`, {
        key: gw.adminKey,
      });
      return ((await response.json()) as { items: Array<Record<string, unknown>> }).items;
    };
    const [kettle] = await eventually(async () => {
      const items = await stock('KT-1700-BK');
      return items.length > 0 && items;
    });
    expect(kettle).toMatchObject({
      provider: 'Keystone Fulfillment',
      warehouseCode: 'US-ABE-1',
      sku: 'KT-1700-BK',
      available: 1100,
      reserved: 84,
    });
    expect(await stock('TRAY-200-OAK')).toMatchObject([{ available: 240, reserved: 0 }]);
    await eventually(async () => acksIn(dirs.outboundDir).length === 1);
  });
});
