import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { TradeError } from '../errors/trade-error';
import { SecretBox } from '../security/secret-box';
import { mapSecrets, redactSecrets } from '../security/redact';
import { PartnerRepository } from '../storage/partner.repository';
import { inTransaction } from '../storage/database';
import type { ClientRecord, PartnerRecord } from './partner.schema';
import type { FieldIssue } from '../connector/transport-validation';
import { validatePartner, type PartnerCheck } from './partner-validation';

/**
 * Trading partners as data: records live in PostgreSQL with secrets sealed; this registry keeps
 * an opened copy in memory for transports and a redacted one for logs and API answers.
 */
export class PartnerRegistry {
  private cache = new Map<string, PartnerRecord>();

  constructor(
    private readonly pool: Pool,
    private readonly box: SecretBox,
    private readonly repo: PartnerRepository,
    /** The connector's own rules (settings schemas); the gateway passes the catalog's. */
    private readonly check: PartnerCheck = () => [],
  ) {}

  /** Seeds clients and partners (unchanged records are skipped by content hash), then loads all. */
  async seed(
    clients: ClientRecord[],
    partners: Array<{ record: unknown; file?: string }>,
  ): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      for (const client of clients) await this.repo.upsertClient(tx, client);
      for (const { record, file } of partners) {
        const parsed = validatePartner(record, this.check, file);
        const hash = createHash('sha256').update(JSON.stringify(parsed)).digest('hex');
        if ((await this.repo.sourceHash(tx, parsed.id)) === hash) continue;
        await this.repo.upsertPartner(tx, this.seal(parsed), { file, hash });
      }
    });
    await this.reload();
  }

  /**
   * Adds or replaces one partner (admin API, tests). `moreIssues` (e.g. refused outbound URLs)
   * are reported with the record's own, every bad field at once, by JSON path.
   */
  async upsert(record: unknown, moreIssues: readonly FieldIssue[] = []): Promise<PartnerRecord> {
    const parsed = validatePartner(record, (partner) => {
      const own = this.check(partner);
      const seen = new Set(own.map((i) => i.path));
      return [...own, ...moreIssues.filter((i) => !seen.has(i.path))];
    });
    await inTransaction(this.pool, (tx) => this.repo.upsertPartner(tx, this.seal(parsed), {}));
    this.cache.set(parsed.id, parsed);
    return parsed;
  }

  async reload(): Promise<void> {
    const all = await this.repo.all(this.pool);
    this.cache = new Map(all.map((sealed) => [sealed.id, this.open(sealed)]));
  }

  /** The partner with secrets opened, for transports. Unknown ids return undefined. */
  find(id: string): PartnerRecord | undefined {
    return this.cache.get(id);
  }

  get(id: string): PartnerRecord {
    const partner = this.cache.get(id);
    if (!partner)
      throw new TradeError('config', `unknown partner ${id}`, { code: 'unknown-partner' });
    return partner;
  }

  list(): PartnerRecord[] {
    return [...this.cache.values()];
  }

  /** A copy safe to show: every secret-named field replaced. */
  redacted(id: string): PartnerRecord | undefined {
    const partner = this.cache.get(id);
    return partner && redactSecrets(partner);
  }

  private seal(record: PartnerRecord): PartnerRecord {
    return mapSecrets(record, (value) =>
      SecretBox.isSealed(value) ? value : this.box.seal(value),
    );
  }

  private open(record: PartnerRecord): PartnerRecord {
    return mapSecrets(record, (value) =>
      SecretBox.isSealed(value) ? this.box.open(value) : value,
    );
  }
}
