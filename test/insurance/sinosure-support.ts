import { InsuranceClock } from '../../gateway/domains/insurance/insurance-clock';
import type { TestGateway } from '../support/gateway-harness';

/** The modelled Sinosure API at a nock host, as the one insurer-sinosure partner. */
export function upsertSinosure(gw: TestGateway, baseUrl: string, apiKey: string) {
  return gw.partners.upsert({
    id: 'sinosure',
    name: 'Sinosure (modelled API)',
    kind: 'insurer',
    connector: 'insurer-sinosure',
    transports: [
      { kind: 'sinosure-api', baseUrl, auth: { type: 'api-key', header: 'x-api-key', apiKey } },
    ],
  });
}

/** Sets the insurance run's clock: the trade's own timeline, the rest keeps the wall clock. */
export function insuranceTimeAt(gw: TestGateway, iso: string): void {
  gw.app.get(InsuranceClock).now = () => new Date(iso);
}
