import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startOwnPostgres, type OwnPostgres } from '../support/own-postgres';
import { startOwnRabbit, type OwnRabbit } from '../support/own-rabbitmq';
import { startOwnRedis, type OwnRedis } from '../support/own-redis';
import { SftpTestServer } from '../support/sftp-server';
import { API_CARRIER_ID, apiCarrierYaml, startTntApi, type TntApi } from './fault-api';
import { CARRIER_ID, carrierSeedYaml } from './fault-carrier';
import { FAULT_PARTNERS } from './fault-partners';

/**
 * The services the fault suite breaks: a PostgreSQL, a RabbitMQ node and a Redis of its own on
 * other ports (never the machine's shared ones), an sshd for the carrier's files, and a partner
 * seed folder with the partners the load speaks as.
 */
export interface FaultServices {
  pg: OwnPostgres;
  rabbit: OwnRabbit;
  redis: OwnRedis;
  sftp: SftpTestServer;
  /** The API carrier's T&T API (a local stand-in for the third party's). */
  api: TntApi;
  seedDir: string;
  /** A fresh database on the own server, for one scenario. */
  createDatabase(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startFaultServices(): Promise<FaultServices> {
  const pg = await startOwnPostgres();
  const redis = await startOwnRedis();
  let rabbit: OwnRabbit;
  let sftp: SftpTestServer;
  let api: TntApi;
  try {
    rabbit = await startOwnRabbit();
    sftp = await SftpTestServer.start();
    api = await startTntApi();
  } catch (err) {
    await redis.stop();
    pg.destroy();
    throw err;
  }
  const seedDir = writeSeed(sftp, api);
  return {
    pg,
    rabbit,
    redis,
    sftp,
    api,
    seedDir,
    createDatabase: async (name) => {
      const admin = new Client({ connectionString: pg.url('postgres') });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return pg.url(name);
    },
    close: async () => {
      await rabbit.destroy().catch(() => undefined);
      await redis.stop().catch(() => undefined);
      await sftp.close().catch(() => undefined);
      await api.close().catch(() => undefined);
      pg.destroy();
      rmSync(seedDir, { recursive: true, force: true });
    },
  };
}

// Only the load's partners and their client: no pollers reaching hosts that do not exist.
function writeSeed(sftp: SftpTestServer, api: TntApi): string {
  const dir = mkdtempSync(join(tmpdir(), 'tradehub-faults-seed-'));
  mkdirSync(join(dir, 'partners'));
  writeFileSync(
    join(dir, 'clients.yaml'),
    `- id: nbhs\n  name: 宁波海曙进出口有限公司\n  uscc: 91330203MA2H4K7L0R\n`,
  );
  for (const partner of FAULT_PARTNERS) {
    writeFileSync(join(dir, 'partners', `${partner.id}.yaml`), partner.yaml);
  }
  writeFileSync(join(dir, 'partners', `${CARRIER_ID}.yaml`), carrierSeedYaml(sftp));
  writeFileSync(join(dir, 'partners', `${API_CARRIER_ID}.yaml`), apiCarrierYaml(api));
  return dir;
}
