import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { DocumentRepository } from '../../core/storage/document.repository';
import { searchMessages, type MessageSearch } from '../../core/storage/message-search';
import { MessageRepository, type MessageRow } from '../../core/storage/message.repository';
import { linkTrade } from '../../core/storage/trade-timeline';
import { chinaToday, missingPieces } from '../domains/trade-gaps/registry';
import { canSee, clientScope, type Principal } from '../auth/principal';
import { PG_POOL } from '../infra/tokens';
import { maskPersonalData } from '../../core/model/values/buyer-identity.schema';
import { maskedRaw } from './personal-data';

const TEXT_PREVIEW_BYTES = 256 * 1024;

/** Read side of the operator API; every query is cut to the principal's client. */
@Injectable()
export class MessageQueryService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly messages: MessageRepository,
    private readonly documents: DocumentRepository,
  ) {}

  search(principal: Principal, query: MessageSearch) {
    const scoped = clientScope(principal);
    return searchMessages(this.pool, { ...query, clientId: scoped ?? query.clientId });
  }

  /** One message: metadata, raw payload, canonical documents, state history, references. */
  async detail(principal: Principal, id: string) {
    const message = await this.visible(principal, id);
    const [raw, documents, history, refs] = await Promise.all([
      this.messages.raw(this.pool, id),
      this.documents.byMessage(this.pool, id),
      this.messages.history(this.pool, id),
      this.pool.query<{ kind: string; value: string; fromFailed: boolean }>(
        `SELECT DISTINCT r.kind, r.value, r.from_failed AS "fromFailed"
           FROM trade_refs r LEFT JOIN documents d ON d.id = r.document_id
          WHERE r.message_id = $1 OR d.message_id = $1 ORDER BY 1, 2`,
        [id],
      ),
    ]);
    return {
      ...message,
      raw: rawView(raw ?? Buffer.alloc(0)),
      documents: maskPersonalData(documents),
      history,
      refs: refs.rows,
    };
  }

  /** A trade: every message and document linked to any of its references, in time order. */
  async trade(principal: Principal, ref: string) {
    const scoped = clientScope(principal);
    const link = await linkTrade(this.pool, ref, scoped);
    const [messages, documents] = await Promise.all([
      this.pool.query<MessageRow>(
        `SELECT ${MessageRepository.columns} FROM messages WHERE id = ANY($1::uuid[]) ORDER BY received_at, id`,
        [link.messageIds],
      ),
      this.documents.byIds(this.pool, link.documentIds),
    ]);
    const visibleMessages = messages.rows.filter((m) => canSee(principal, m.clientId));
    const visibleDocs = documents.filter((d) => canSee(principal, d.clientId));
    if (visibleMessages.length === 0 && visibleDocs.length === 0)
      throw new NotFoundException(`no trade with reference ${ref}`);
    const timeline = [
      ...visibleMessages.map((m) => ({
        at: m.receivedAt,
        kind: 'message' as const,
        id: m.id,
        direction: m.direction,
        partnerId: m.partnerId,
        messageType: m.messageType,
        state: m.state,
      })),
      ...visibleDocs.map((d) => ({
        at: d.occurredAt,
        kind: 'document' as const,
        id: d.id,
        documentType: d.documentType,
        eventType: d.eventType,
        messageId: d.messageId,
      })),
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const missing = missingPieces({
      today: chinaToday(),
      documents: visibleDocs.map((d) => ({ ...d, payload: d.envelope.payload })),
    });
    return {
      ref,
      refs: link.refs,
      timeline,
      missing,
      messages: visibleMessages,
      documents: maskPersonalData(visibleDocs),
    };
  }

  /** What is still missing on a trade (each domain's rules over its documents), most urgent first. */
  async missing(principal: Principal, ref: string) {
    const { refs, missing } = await this.trade(principal, ref);
    return { ref, today: chinaToday(), refs, missing };
  }

  /** The message if the principal may see it; 404 otherwise (never 403: that would confirm it exists). */
  async visible(principal: Principal, id: string): Promise<MessageRow> {
    const message = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.messages.get(this.pool, id)
      : undefined;
    if (!message || !canSee(principal, message.clientId))
      throw new NotFoundException(`no message ${id}`);
    return message;
  }
}

function rawView(original: Buffer) {
  // A body with a buyer's identity (1210 import filings, their orders) is shown masked only.
  const masked = maskedRaw(new TextDecoder('utf-8', { fatal: false }).decode(original));
  const raw = masked === undefined ? original : Buffer.from(masked);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(
    raw.subarray(0, TEXT_PREVIEW_BYTES),
  );
  return {
    sizeBytes: raw.length,
    base64: raw.toString('base64'),
    text,
    truncated: raw.length > TEXT_PREVIEW_BYTES,
  };
}
