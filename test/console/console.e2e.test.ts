import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createEnvelope } from '../../core/envelope/envelope';
import { getDocumentDefinition } from '../../core/model/documents';
import { EXAMPLES } from '../../core/model/documents/__fixtures__/examples.fixture';
import { insertDocuments } from '../../core/storage/document.repository';
import { launchChromium } from '../support/browser';
import { genericPartner, orderJson } from '../support/fixtures';
import {
  eventually,
  startTestGateway,
  stopTestGateway,
  type TestGateway,
} from '../support/gateway-harness';
import { carrierPartner, iftsta } from '../logistics/logistics-fixtures';

// Screenshots of the main pages; CONSOLE_SCREENSHOTS=1 renews those the README shows.
const SHOTS = process.env.CONSOLE_SCREENSHOTS
  ? join(__dirname, '..', '..', 'docs', 'console')
  : join(tmpdir(), 'tradehub-console-shots');
const BL = 'TOLU7730001';

// A carrier that asks for strict status codes: an unknown one fails the message (the default
// keeps it as an UNKNOWN event with a warning).
function strictCarrier() {
  const carrier = carrierPartner('carrier-console', 'http://127.0.0.1:9/none');
  carrier.formats = carrier.formats.map((f) =>
    f.messageType === 'IFTSTA' ? { ...f, settings: { ...f.settings, unknownStatus: 'error' } } : f,
  );
  return carrier;
}

describe('operator console in headless Chromium', () => {
  let gw: TestGateway;
  let browser: Browser;
  let operator: string;
  let failedId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    gw = await startTestGateway();
    await gw.partners.upsert(genericPartner('shop-live'));
    // The carrier sends a status code ('ZX') that is in neither its list nor the default one.
    await gw.partners.upsert(strictCarrier());
    operator = await gw.key('operator');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stopTestGateway(gw);
  });

  async function signIn(key: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${gw.url}/console/`);
    await page.fill('input[name=apiKey]', key);
    await page.click('button[type=submit]');
    await page.getByTestId('whoami').waitFor();
    return page;
  }

  it('signs in and sees a flow arrive live on the overview', async () => {
    const page = await signIn(operator);
    const posted = await gw.request('/inbound/shop-live', {
      method: 'POST',
      json: orderJson('SO-LIVE-1'),
    });
    expect(posted.status).toBe(202);
    // No reload: the count arrives over the server-sent event stream.
    await page.getByTestId('state-processed').filter({ hasText: 'processed: 1' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    // Queue depths arrive on the same stream: every handler queue with its consumer.
    await page.getByTestId('queue-depths').locator('tbody tr').first().waitFor();
    await page.getByTestId('bull-jobs').getByText('outbound-delivery').waitFor();
    await page.screenshot({ path: join(SHOTS, 'overview.png'), fullPage: true });
    await page.getByText('中文').click();
    await page.getByRole('heading', { name: '流量总览' }).waitFor();
    await page.getByText('EN', { exact: true }).click();
    await page.close();
  });

  it('finds a B/L, then a failed EDIFACT message, and shows the failing segment', async () => {
    const status = (ref: string, code: string) =>
      gw.request('/inbound/carrier-console', {
        method: 'POST',
        headers: { 'content-type': 'application/edifact' },
        body: iftsta({
          ref,
          docTime: '202604211000',
          bl: BL,
          booking: 'TOLB7730001',
          lines: [
            { code, dtm: '334', time: '202604210800', locode: 'CNNGB', container: 'TOLU7730018' },
          ],
        }),
      });
    const loaded = ((await (await status('IFTSTA-CON-1', 'AE')).json()) as { messageId: string })
      .messageId;
    failedId = ((await (await status('IFTSTA-CON-2', 'ZX')).json()) as { messageId: string })
      .messageId;
    await eventually(async () => (await stateOf(failedId)) === 'failed');
    await eventually(async () => (await stateOf(loaded)) === 'processed');

    const page = await signIn(operator);
    await page.goto(`${gw.url}/console/search`);
    await page.fill('input[name=ref]', BL);
    await page.click('button[type=submit]');
    await page.getByTestId('results').getByText('processed').waitFor();
    await page.screenshot({ path: join(SHOTS, 'search.png') });
    // A message failed in mapping names no reference yet: it is found by partner and state.
    await page.fill('input[name=ref]', '');
    await page.fill('input[name=partnerId]', 'carrier-console');
    await page.fill('input[name=state]', 'failed');
    await page.click('button[type=submit]');
    await page.getByTestId('results').getByText('failed').click();
    await page.getByTestId('raw').waitFor();
    const marked = page.locator('[data-error=true]');
    expect(await marked.textContent()).toMatch(/^STS\+1\+ZX/);
    await page.screenshot({ path: join(SHOTS, 'message-failed.png'), fullPage: true });
    await page.close();
  });

  it('refuses a viewer the replay', async () => {
    const page = await signIn(await gw.key('viewer'));
    await page.goto(`${gw.url}/console/messages/${failedId}`);
    await page.getByTestId('replay').click();
    await page.getByTestId('outcome').filter({ hasText: 'Refused' }).waitFor();
    expect(await stateOf(failedId)).toBe('failed');
    await page.close();
  });

  it('replays the message after the partner learns the code, and audits it', async () => {
    const carrier = strictCarrier();
    const [status, ...others] = carrier.formats;
    const statusCodes = {
      ZX: { eventKind: 'TRANSPORT', eventCode: 'DEPA', description: 'Sailed' },
    };
    const formats = [{ ...status, settings: { ...status.settings, statusCodes } }, ...others];
    const fixed = await gw.request('/partners/carrier-console', {
      method: 'PUT',
      key: gw.adminKey,
      json: { ...carrier, formats },
    });
    expect(fixed.status).toBe(200);

    const page = await signIn(operator);
    await page.goto(`${gw.url}/console/messages/${failedId}`);
    await page.getByTestId('replay').click();
    await page.getByTestId('outcome').filter({ hasText: 'Done' }).waitFor();
    await eventually(async () => (await stateOf(failedId)) === 'processed');

    await page.goto(`${gw.url}/console/trades/${BL}`);
    await page.getByTestId('timeline').getByText('carrier-console').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'trade.png') });
    // An open-account shipment on board, declared to customs but not released: in Chinese.
    await fileExampleTrade();
    await page.goto(`${gw.url}/console/trades/HT25-INV-0088`);
    await page.getByText('中文').click();
    const missing = page.getByTestId('missing');
    await missing.getByText('海关尚未放行').waitFor();
    expect(await missing.locator('tr').count()).toBe(4);
    await missing.getByText('信保出运申报未办理').waitFor();
    await page.screenshot({ path: join(SHOTS, 'trade-missing.png'), fullPage: true });
    await page.getByText('EN', { exact: true }).click();
    await page.goto(`${gw.url}/console/audit`);
    await page.getByText('message.replay').waitFor();
    await page.goto(`${gw.url}/console/health`);
    await page.getByTestId('health').getByText('carrier-console').waitFor();
    await page.screenshot({ path: join(SHOTS, 'partner-health.png') });
    await page.close();
  });

  it('opens the bull queues behind the same sign-in, for operators only', async () => {
    expect((await gw.request('/console/queues')).status).toBe(401);
    const page = await signIn(operator);
    await page.goto(`${gw.url}/console/queues`);
    await page.getByText('outbound-delivery').first().waitFor();
    await page.close();
    const viewer = await signIn(await gw.key('viewer'));
    const refused = await viewer.goto(`${gw.url}/console/queues`);
    expect(refused?.status()).toBe(403);
    await viewer.close();
  });

  async function fileExampleTrade(): Promise<void> {
    const examples: Array<[string, object]> = [
      [
        'CommercialInvoice',
        {
          ...(EXAMPLES.CommercialInvoice as object),
          paymentTerms: { method: 'OA', creditDays: 60 },
        },
      ],
      ['BookingConfirmation', EXAMPLES.BookingConfirmation as object],
      ['BillOfLading', EXAMPLES.BillOfLading as object],
      ['ExportDeclaration', { ...(EXAMPLES.ExportDeclaration as object), status: 'DECLARED' }],
    ];
    const envelopes = examples.map(([documentType, payload]) => {
      const definition = getDocumentDefinition(documentType);
      return createEnvelope({
        type: definition.defaultEventType,
        documentType,
        version: '1',
        payload,
        refs: definition.refs(payload as never),
        source: { partnerId: 'example', connector: 'test', transport: 'api', format: 'canonical' },
        receivedAt: new Date().toISOString(),
      });
    });
    await insertDocuments(
      gw.pool,
      envelopes.map((envelope) => ({ envelope, messageId: null })),
    );
  }

  async function stateOf(id: string): Promise<string | undefined> {
    const { rows } = await gw.pool.query<{ state: string }>(
      'SELECT state FROM messages WHERE id = $1',
      [id],
    );
    return rows[0]?.state;
  }
});
