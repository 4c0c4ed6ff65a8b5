import { Inject, Injectable } from '@nestjs/common';
import type { PartnerRegistry } from '../../../core/partners/partner-registry';
import { TradeError } from '../../../core/errors/trade-error';
import { SinosureClient, SinosureSettingsSchema } from '../../../connectors/insurer-sinosure';
import { PARTNER_REGISTRY } from '../../partners/partners.tokens';

/** The Sinosure connector as the partner records configure it (one insurer-sinosure partner). */
@Injectable()
export class SinosurePartner {
  constructor(@Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry) {}

  client(): SinosureClient {
    const partner = this.partners.list().find((p) => p.connector === 'insurer-sinosure');
    const raw = partner?.transports?.find((t) => t.kind === 'sinosure-api');
    if (!partner || !raw) {
      throw new TradeError('config', 'no partner with an insurer-sinosure sinosure-api transport', {
        stage: 'deliver',
      });
    }
    return new SinosureClient(SinosureSettingsSchema.parse(raw));
  }
}
