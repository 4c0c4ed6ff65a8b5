import {
  BadRequestException,
  ConflictException,
  Controller,
  ForbiddenException,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PartnerRecord, PartnerTransport } from '../../core/partners/partner.schema';
import type { WebhookVerifier } from '../../core/connector/contract';
import { TradeError } from '../../core/errors/trade-error';
import type { MessageIntake } from '../../core/ingest/message-intake';
import type { PartnerRegistry } from '../../core/partners/partner-registry';
import { MESSAGE_INTAKE, PARTNER_REGISTRY } from '../partners/partners.tokens';
import { WEBHOOK_VERIFIERS } from './inbound.tokens';
import { WebhookAuthRecorder } from './webhook-auth.recorder';
import type { MetricsService } from '../operations/metrics.service';
import { METRICS } from '../operations/operations.tokens';

/**
 * Partners push messages here. The raw body is stored before anything reads it; only then
 * does the partner get its 202 (or 200 with the first id for a resend).
 */
@Controller('inbound')
export class InboundController {
  constructor(
    @Inject(PARTNER_REGISTRY) private readonly partners: PartnerRegistry,
    @Inject(MESSAGE_INTAKE) private readonly intake: MessageIntake,
    @Inject(WEBHOOK_VERIFIERS) private readonly verifiers: Map<string, WebhookVerifier>,
    @Inject(METRICS) private readonly metrics: MetricsService,
    private readonly refusals: WebhookAuthRecorder,
  ) {}

  @Post(':partnerId')
  @HttpCode(202)
  async receive(
    @Param('partnerId') partnerId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const partner = this.partners.find(partnerId);
    if (!partner) throw new NotFoundException(`unknown partner ${partnerId}`);
    if (!partner.enabled) throw new ForbiddenException(`partner ${partnerId} is disabled`);
    const settings = partner.transports.find((t) => t.kind === 'http-inbound');
    if (!settings) throw new ForbiddenException(`partner ${partnerId} does not send over HTTP`);
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (body.length === 0) throw new BadRequestException('empty body: nothing to store');
    const verified = await this.authenticate(request, body, partner, settings);
    const result = await this.intake.receive({
      partnerId,
      connector: partner.connector,
      transport: 'http',
      raw: body,
      contentType: request.headers['content-type'],
      partnerRef: verified.partnerRef,
      senderMessageId: verified.senderMessageId,
      clientId: partner.clientId,
      transportMeta: { remoteAddress: request.ip, userAgent: request.headers['user-agent'] },
    });
    this.metrics.messageState(
      'in',
      partnerId,
      undefined,
      result.conflict ? 'conflict' : result.duplicateOf ? 'duplicate' : 'received',
    );
    if (result.conflict)
      throw new ConflictException(
        `message id already used for other content (message ${result.duplicateOf}); recorded as ${result.messageId}`,
      );
    if (result.duplicateOf) {
      void reply.status(200);
      return {
        messageId: result.duplicateOf,
        duplicate: true,
        duplicateRecordId: result.messageId,
      };
    }
    return { messageId: result.messageId, state: 'received' };
  }

  /**
   * Fails closed: no verifier for the connector, settings that declare no authentication, a
   * missing or wrong signature or a replay all answer 401 and are recorded, body unstored.
   */
  private async authenticate(
    request: FastifyRequest,
    body: Buffer,
    partner: PartnerRecord,
    settings: PartnerTransport,
  ): Promise<{ partnerRef?: string; senderMessageId?: boolean }> {
    try {
      const verifier = this.verifiers.get(partner.connector);
      if (!verifier)
        throw new TradeError('rejected', `connector ${partner.connector} takes no webhooks`, {
          code: 'no-verifier',
        });
      const remoteAddress = request.socket.remoteAddress;
      const { headers, url } = request;
      return verifier.verify({ url, headers, body, remoteAddress }, partner, settings);
    } catch (err) {
      if (!(err instanceof TradeError) || !['rejected', 'config'].includes(err.kind)) throw err;
      await this.refusals.refused({
        partnerId: partner.id,
        reason: err.kind === 'config' ? 'bad-settings' : (err.code ?? 'rejected'),
        detail: err.message,
        remoteAddress: request.ip,
        userAgent: request.headers['user-agent'],
      });
      throw new UnauthorizedException(err.message);
    }
  }
}
