import type {
  FileProtection,
  OpenedFile,
  OutboundDelivery,
} from '../../../core/connector/contract';
import { TradeError } from '../../../core/errors/trade-error';
import type { PartnerRecord } from '../../../core/partners/partner.schema';
import { outboundFileName } from '../../transports/sftp';
import { openPgpFile } from './pgp-open';
import { protectPgpBody } from './pgp-protect';
import { BankPgpSettingsSchema, type BankPgpSettings } from './pgp-settings.schema';

// The record was validated when stored; read again here for the defaults and `\n` escapes.
// A record that no longer passes (stored before a rule) is a config error naming the fields
// only: zod's own message is not used, so no setting's value can reach a log.
function pgpOf(partner: PartnerRecord, transport: string): BankPgpSettings | undefined {
  const entry = partner.transports.find((t) => t.kind === transport && t.pgp !== undefined);
  if (!entry) return undefined;
  const parsed = BankPgpSettingsSchema.safeParse(entry.pgp);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `pgp.${i.path.join('.')}`).join(', ');
  throw new TradeError('config', `partner ${partner.id}: bad pgp settings (${fields})`, {
    code: 'pgp-settings',
  });
}

/**
 * PGP per bank partner (settings `pgp` of its SFTP transport). Inbound: the stored raw file is
 * decrypted and its signature checked before it is parsed; outbound: the rendered pain.001 or
 * MT101 is signed and encrypted just before upload, its name gaining `.pgp` or `.asc`.
 */
export const bankFileProtection: FileProtection = {
  async open(raw: Buffer, partner: PartnerRecord, transport: string): Promise<OpenedFile> {
    const pgp = pgpOf(partner, transport);
    return pgp ? openPgpFile(raw, pgp, partner.id) : { body: raw };
  },

  async protect(
    delivery: OutboundDelivery,
    partner: PartnerRecord,
    transport: string,
  ): Promise<OutboundDelivery> {
    const pgp = pgpOf(partner, transport);
    const name = outboundFileName(delivery);
    const out = pgp && (await protectPgpBody(delivery.body, name, pgp, partner.id));
    if (!out) return delivery;
    return {
      ...delivery,
      body: out.body,
      contentType: out.contentType,
      fileName: name + out.suffix,
    };
  },
};
