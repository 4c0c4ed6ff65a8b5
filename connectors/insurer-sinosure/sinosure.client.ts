import { TradeError } from '../../core/errors/trade-error';
import { peekJson } from '../transports/http/json-peek';
import { PartnerHttpClient, type PartnerHttpOptions } from '../transports/http/partner-http.client';
import type {
  ClaimFiling,
  CreditLimitApplication,
  CreditLimitDecision,
  FilingAnswer,
  PossibleLossNotice,
  PremiumBill,
  ShipmentDeclarationAnswer,
  ShipmentDeclarationRequest,
} from './sinosure-api';
import { SINOSURE_MESSAGES } from './sinosure-api';
import type { SinosureSettings } from './sinosure-settings.schema';

/**
 * Typed calls to the modelled Sinosure API over the shared partner HTTP client (auth, in-call
 * retries of transient failures, every failure a classified TradeError).
 */
export class SinosureClient {
  private readonly http: PartnerHttpClient;

  constructor(
    private readonly settings: SinosureSettings,
    options: PartnerHttpOptions = {},
  ) {
    this.http = new PartnerHttpClient(settings, { stage: 'deliver', ...options });
  }

  applyCreditLimit(body: CreditLimitApplication): Promise<CreditLimitDecision> {
    return this.post(SINOSURE_MESSAGES.creditLimitApply, body);
  }

  creditLimitDecision(applicationNo: string): Promise<CreditLimitDecision> {
    return this.get(`/v1/credit-limits/${encodeURIComponent(applicationNo)}`);
  }

  declareShipment(body: ShipmentDeclarationRequest): Promise<ShipmentDeclarationAnswer> {
    return this.post(SINOSURE_MESSAGES.shipmentDeclare, body);
  }

  premiumBill(policyNo: string, period: string): Promise<PremiumBill> {
    return this.get('/v1/premium-bills', { policyNo, period });
  }

  reportPossibleLoss(body: PossibleLossNotice): Promise<FilingAnswer> {
    return this.post(SINOSURE_MESSAGES.possibleLossReport, body);
  }

  fileClaim(body: ClaimFiling): Promise<FilingAnswer> {
    return this.post(SINOSURE_MESSAGES.claimFile, body);
  }

  /** POSTs a JSON body (already rendered, or an object) to the message type's path. */
  async post<T>(messageType: string, body: unknown): Promise<T> {
    const [method, path] = routeOf(this.settings, messageType);
    const text = Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const response = await this.http.request({
      method,
      path,
      body: text,
      contentType: 'application/json',
    });
    return answer<T>(response.text, `${method} ${path}`);
  }

  private async get<T>(path: string, query?: Record<string, string>): Promise<T> {
    const response = await this.http.request({ method: 'GET', path, query });
    return answer<T>(response.text, `GET ${path}`);
  }
}

export function routeOf(settings: SinosureSettings, messageType: string): ['POST' | 'PUT', string] {
  const route = settings.paths[messageType];
  if (!route) {
    throw new TradeError('config', `sinosure-api has no path for ${messageType}`, {
      stage: 'deliver',
    });
  }
  return route.split(' ') as ['POST' | 'PUT', string];
}

function answer<T>(text: string, what: string): T {
  const value = peekJson(text);
  if (typeof value !== 'object' || value === null) {
    throw new TradeError('rejected', `${what}: Sinosure answered without a JSON object`, {
      stage: 'deliver',
    });
  }
  return value as T;
}
