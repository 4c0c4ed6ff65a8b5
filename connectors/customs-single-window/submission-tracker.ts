import type { DeclarationReceipt } from '../../core/model/documents/customs-declaration.schema';

/** One outbound message on its way: open until a final receipt answers it. */
export interface Submission {
  /** The message guid, sent as DXP CopMsgId (DxpRep answers with it). */
  guid: string;
  /** Guids of the business records inside (OrderHead, InventoryHead ...), which CEB receipts quote. */
  recordGuids: string[];
  messageType: string;
  fileName: string;
  sentAt: string;
  lastReceipt?: DeclarationReceipt;
  final: boolean;
}

/** Outcomes after which customs says nothing more about a message. */
const FINAL = new Set<DeclarationReceipt['outcome']>([
  'RELEASED',
  'CLOSED',
  'REJECTED',
  'RETURNED',
  'ERROR',
]);

export function isFinal(receipt: DeclarationReceipt): boolean {
  return FINAL.has(receipt.outcome);
}

/** Where submissions are kept: in memory for tests and the CLI, PostgreSQL in the gateway. */
export interface SubmissionStore {
  save(s: Submission): Promise<void>;
  /** By message guid or by the guid of a record inside it. */
  get(guid: string): Promise<Submission | undefined>;
  open(): Promise<Submission[]>;
}

export class MemorySubmissionStore implements SubmissionStore {
  private readonly items = new Map<string, Submission>();
  save(s: Submission): Promise<void> {
    this.items.set(s.guid, { ...s });
    return Promise.resolve();
  }
  get(guid: string): Promise<Submission | undefined> {
    const found =
      this.items.get(guid) ?? [...this.items.values()].find((s) => s.recordGuids.includes(guid));
    return Promise.resolve(found);
  }
  open(): Promise<Submission[]> {
    return Promise.resolve([...this.items.values()].filter((s) => !s.final));
  }
}
