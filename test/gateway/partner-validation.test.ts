import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway } from '../../gateway/bootstrap';
import { genericPartner } from '../support/fixtures';
import { startTestGateway, stopTestGateway, type TestGateway } from '../support/gateway-harness';
import { testConfig } from '../support/test-config';

describe('partner records checked against their connector', () => {
  let seedDir: string;
  beforeAll(() => {
    seedDir = mkdtempSync(join(tmpdir(), 'tradehub-seed-'));
    mkdirSync(join(seedDir, 'partners'));
  });
  afterAll(() => rmSync(seedDir, { recursive: true, force: true }));

  const seedFile = (name: string, yaml: string) => {
    const file = join(seedDir, 'partners', name);
    writeFileSync(file, yaml);
    return file;
  };

  it('stops the boot at a misspelt transport field, naming the seed file and the field', async () => {
    const file = seedFile(
      'typo-shop.yaml',
      [
        'id: typo-shop',
        'name: Typo Shop',
        'kind: generic',
        'connector: http-generic',
        'transports:',
        '  - kind: http-inbound',
        '    webhookSecrett: a-secret-of-enough-length',
      ].join('\n'),
    );
    const boot = startGateway(testConfig({ PARTNER_SEED_DIR: seedDir }));
    await expect(boot).rejects.toThrow(file);
    await expect(boot).rejects.toThrow('$.transports[0].webhookSecrett: unknown field');
    rmSync(file);
  });

  it('stops the boot at an unknown connector or transport kind', async () => {
    const file = seedFile(
      'odd-line.yaml',
      'id: odd-line\nname: Odd\nkind: carrier\nconnector: carrier-telex\n',
    );
    await expect(startGateway(testConfig({ PARTNER_SEED_DIR: seedDir }))).rejects.toThrow(
      /odd-line\.yaml.*\$\.connector: unknown connector/,
    );
    writeFileSync(
      file,
      'id: odd-line\nname: Odd\nkind: generic\nconnector: http-generic\ntransports: [{ kind: telex }]\n',
    );
    await expect(startGateway(testConfig({ PARTNER_SEED_DIR: seedDir }))).rejects.toThrow(
      /\$\.transports\[0\]\.kind: connector http-generic has no transport telex/,
    );
    rmSync(file);
  });

  describe('PUT /partners/:id', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway();
    });
    afterAll(() => stopTestGateway(gw));

    const put = (id: string, json: unknown) =>
      gw.request(`/partners/${id}`, { method: 'PUT', key: gw.adminKey, json });

    it('answers 422 with every bad field by JSON path and stores nothing', async () => {
      const response = await put(
        'bad-shop',
        genericPartner('bad-shop', {
          transports: [
            { kind: 'http-inbound', webhookSecret: 'a-secret-of-enough-length', maxSkew: 60 },
            { kind: 'http-outbound', url: 'not a url' },
            { kind: 'sftp' },
          ],
        }),
      );
      expect(response.status).toBe(422);
      const { error } = (await response.json()) as {
        error: { issues: Array<{ path: string; message: string }> };
      };
      expect(error.issues.map((i) => i.path)).toEqual([
        '$.transports[0].maxSkew',
        '$.transports[1].url',
        '$.transports[2].kind',
      ]);
      expect((await gw.request('/partners/bad-shop', { key: gw.adminKey })).status).toBe(404);
    });

    it('refuses a webhook transport that declares no authentication', async () => {
      const response = await put(
        'open-shop',
        genericPartner('open-shop', { transports: [{ kind: 'http-inbound' }] }),
      );
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { issues: Array<{ path: string }> } };
      expect(body.error.issues).toEqual([
        expect.objectContaining({ path: '$.transports[0].webhookSecret' }),
      ]);
    });

    it('stores a valid record', async () => {
      expect((await put('good-shop', genericPartner('good-shop'))).status).toBe(200);
    });
  });
});
