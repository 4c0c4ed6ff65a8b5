import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeedFolder } from './seed-files';

describe('readSeedFolder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  mkdirSync(join(dir, 'partners'));
  writeFileSync(
    join(dir, 'clients.yaml'),
    '- { id: c1, name: Client One, uscc: 91330203MA2H4K7L0R }\n',
  );
  writeFileSync(
    join(dir, 'partners', 'p1.yaml'),
    'id: p1\nname: P1\nkind: carrier\nconnector: carrier-edifact\ntransports:\n  - { kind: sftp, host: "${TRADEHUB_SEED_HOST:-127.0.0.1}", password: "${TRADEHUB_SEED_PW}" }\n',
  );

  it('reads clients and partners, filling variables and defaults', () => {
    const seed = readSeedFolder(dir, { TRADEHUB_SEED_PW: 's3cret' });
    expect(seed.clients).toEqual([
      { id: 'c1', name: 'Client One', uscc: '91330203MA2H4K7L0R', identifiers: [] },
    ]);
    expect(seed.partners[0].record).toMatchObject({
      transports: [{ host: '127.0.0.1', password: 's3cret' }],
    });
  });

  it('names a variable that is not set and has no default', () => {
    expect(() => readSeedFolder(dir, {})).toThrow(/TRADEHUB_SEED_PW is not set/);
  });
});
