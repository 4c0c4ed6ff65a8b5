import type { DeclarationReceipt } from '../../core/model/documents/customs-declaration.schema';
import { TradeError } from '../../core/errors/trade-error';
import { cnCustomsCodec } from '../../mappings/codecs/cn-customs/cn-customs.codec';
import type { CebMessageInput } from '../../mappings/codecs/cn-customs/ceb-write';
import { cebReceiptMapping } from '../../mappings/cn-customs-receipts';
import { prepareCeb, type PrepareOptions } from '../../mappings/cn-customs-outbound';
import { recordGuids } from './customs-outbound';
import type { FileExchange } from './folder-exchange';
import { isFinal, type Submission, type SubmissionStore } from './submission-tracker';

export interface ReceivedReceipt {
  file: string;
  receipt: DeclarationReceipt;
  /** The submission it answers, when TradeHub sent it. */
  submission?: Submission;
}

export interface ReceiptPoll {
  receipts: ReceivedReceipt[];
  /** Files that could not be read or mapped, with why; they stay out of the inbox. */
  failures: Array<{ file: string; error: string }>;
  warnings: string[];
}

/**
 * A stand-alone Single Window client for a folder pair (simulator scenarios, demos): submits signed, schema-checked CEB
 * messages in their DXP envelope and polls the answers (DxpRep, CEB receipts, CEB900),
 * tracking each submission until a final receipt. The gateway does not use it: there the
 * clearance service queues the same prepared files as outbound messages, and the manifest's
 * transports and pollers move them (see README).
 */
export class SingleWindowClient {
  private polling: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly exchange: FileExchange,
    private readonly store: SubmissionStore,
    private readonly prepare: Omit<PrepareOptions, 'now'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Throws a `rejected` TradeError, naming the XPath, when the message fails its XSD. */
  async submit(input: CebMessageInput): Promise<Submission> {
    const [submission] = await this.submitAll([input]);
    return submission;
  }

  /**
   * Submits the messages of one set (an order's CEB303, CEB505 and CEB603) in order. All are
   * signed and schema-checked before the first is written, so a set that fails its XSD leaves
   * nothing half-sent on the exchange.
   */
  async submitAll(inputs: readonly CebMessageInput[]): Promise<Submission[]> {
    const now = this.clock();
    const prepared = [];
    for (const input of inputs) prepared.push(await prepareCeb(input, { ...this.prepare, now }));
    const submissions: Submission[] = [];
    for (const [i, p] of prepared.entries()) {
      await this.exchange.put(p.fileName, p.dxp);
      const submission: Submission = {
        guid: p.guid,
        recordGuids: recordGuids(inputs[i]),
        messageType: p.messageType,
        fileName: p.fileName,
        sentAt: now.toISOString(),
        final: false,
      };
      await this.store.save(submission);
      submissions.push(submission);
    }
    return submissions;
  }

  /**
   * Reads every waiting answer once; receipts for tracked submissions update them. Polls run one
   * after another: two at once (the poll timer and an operator's check) would both list a file
   * and the second would find it already moved.
   */
  poll(): Promise<ReceiptPoll> {
    const run = this.polling.then(() => this.pollFiles());
    this.polling = run.catch(() => undefined);
    return run;
  }

  private async pollFiles(): Promise<ReceiptPoll> {
    const out: ReceiptPoll = { receipts: [], failures: [], warnings: [] };
    for (const file of await this.exchange.list()) {
      try {
        const detection = cnCustomsCodec.detect(file.body);
        if (!detection) throw new TradeError('rejected', 'not a CEB or DXP file');
        for (const message of cnCustomsCodec.decode(file.body, detection)) {
          const mapped = cebReceiptMapping.toCanonical(message, {
            partnerId: 'single-window',
            receivedAt: this.clock().toISOString(),
          });
          out.warnings.push(...mapped.warnings.map((w) => `${file.name}: ${w}`));
          for (const doc of mapped.documents) {
            const receipt = doc.payload as DeclarationReceipt;
            out.receipts.push({ file: file.name, receipt, submission: await this.track(receipt) });
          }
        }
      } catch (err) {
        out.failures.push({ file: file.name, error: (err as Error).message });
      }
      await this.exchange.ack(file.name);
    }
    return out;
  }

  private async track(receipt: DeclarationReceipt): Promise<Submission | undefined> {
    const submission = receipt.guid ? await this.store.get(receipt.guid) : undefined;
    if (!submission || submission.final) return submission;
    // A DxpRep only says the exchange took the file; customs receipts decide the rest.
    if (receipt.outcome === 'PROCESSING' && submission.lastReceipt) return submission;
    const updated = { ...submission, lastReceipt: receipt, final: isFinal(receipt) };
    await this.store.save(updated);
    return updated;
  }

  /** Submissions still waiting for a final receipt, for the overdue alert. */
  openSubmissions(): Promise<Submission[]> {
    return this.store.open();
  }
}
