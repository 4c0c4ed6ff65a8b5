import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { cnCustomsCodec } from '../../mappings/codecs/cn-customs/cn-customs.codec';
import { parseXml } from '../../mappings/codecs/xml/xml-parse';
import { readDxp } from '../../mappings/codecs/cn-customs/dxp-read';
import type { CebRecord } from '../../mappings/codecs/cn-customs/ceb-types';
import { CebSchemaValidator, type CebEdition } from '../../mappings/cn-customs-outbound';
import { SCENARIOS, scenarioFor } from './scenarios';
import { KEY_FIELDS, writeDxpRep, writeFormatError, writeReceipt } from './receipt-writer';

export interface SimulatorOptions {
  /** Where TradeHub puts its files (the simulator reads and archives them). */
  watchDir: string;
  /** Where the simulator answers (TradeHub polls it). */
  answerDir: string;
  schemaDir: string;
  edition?: CebEdition;
  pollMs?: number;
  /** The simulated clock the receipts are dated from. */
  now?: () => Date;
}

/** The first business record of a message, flattened to its *Head when it has one. */
function firstRecord(business: Record<string, CebRecord[]>): CebRecord {
  const record = Object.values(business)[0]?.[0] ?? {};
  const head = Object.entries(record).find(([name]) => name.endsWith('Head'))?.[1];
  return head && typeof head === 'object' && !Array.isArray(head) ? head : record;
}

/**
 * A stand-in for the Single Window and E-Port: takes DXP files from the exchange folder,
 * checks the CEB inside against the official XSD (a goods declaration file by its field
 * rules), answers a DxpRep, then the receipt sequence of the scenario the message's business
 * key names (or a CEB900 when the check fails).
 */
export class CustomsSimulator {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private seq = 0;
  private readonly validator: CebSchemaValidator;

  constructor(private readonly o: SimulatorOptions) {
    this.validator = new CebSchemaValidator(o.schemaDir);
  }

  start(): void {
    const tick = () => {
      this.running = this.processOnce()
        .then(() => undefined)
        .catch((err) => console.error('[customs-simulator]', err))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.o.pollMs ?? 100);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Answers every file waiting; returns how many it took. */
  async processOnce(): Promise<number> {
    await mkdir(this.o.watchDir, { recursive: true });
    const names = (await readdir(this.o.watchDir, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.endsWith('.part'))
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      const file = path.join(this.o.watchDir, name);
      await this.answer(await readFile(file));
      await mkdir(path.join(this.o.watchDir, 'done'), { recursive: true });
      await rename(file, path.join(this.o.watchDir, 'done', name));
    }
    return names.length;
  }

  private async answer(body: Buffer): Promise<void> {
    const now = this.o.now?.() ?? new Date();
    const { transInfo, payload } = readDxp(parseXml(body).root);
    const original = {
      copMsgId: transInfo.copMsgId ?? '',
      senderId: transInfo.senderId ?? '',
      msgType: transInfo.msgType ?? '',
      createdAt: transInfo.createdAt ?? now.toISOString().slice(0, 19),
    };
    await this.emit(writeDxpRep(original, '0', '报文接收成功', now));
    const [message] = cnCustomsCodec.decode(payload, cnCustomsCodec.detect(payload)!);
    const type = message.tree.messageType;
    const problems = await this.validator.problems(payload, type, this.o.edition ?? '202205');
    const head = firstRecord(message.tree.business);
    const guid = typeof head.guid === 'string' ? head.guid : message.tree.guid;
    if (problems.length > 0) {
      const why = `${problems[0].xpath ?? ''} ${problems[0].message}`.trim();
      await this.emit(writeFormatError(type, guid, why, now));
      return;
    }
    const keys: Record<string, string> = { guid };
    for (const k of KEY_FIELDS) if (typeof head[k] === 'string') keys[k] = head[k];
    // A withdrawal quotes the list's keys, which name the list's scenario: customs accepts it.
    const withdrawal = type === 'CEB605' || type === 'CEB623';
    const scenario = withdrawal ? 'accepted' : scenarioFor(Object.values(keys));
    for (const step of SCENARIOS[scenario]) {
      const at = new Date(now.getTime() + step.minutes * 60_000);
      const quoted = withCustomsNumber(type, head, keys, step.status, now);
      await this.emit(writeReceipt(type, quoted, step, at, original.senderId || 'TRADEHUB'));
    }
  }

  /** Writes an answer under a name that sorts in emission order, via a .part file. */
  private async emit(body: Buffer): Promise<void> {
    await mkdir(this.o.answerDir, { recursive: true });
    const name = `${Date.now()}-${String(++this.seq).padStart(6, '0')}.xml`;
    const part = path.join(this.o.answerDir, `${name}.part`);
    await writeFile(part, body);
    await rename(part, path.join(this.o.answerDir, name));
  }
}

/** The lists customs numbers, and the I/E letter of their invtNo. */
const LIST_FLAGS: Readonly<Record<string, string>> = { CEB603: 'E', CEB621: 'I' };

/** A serial derived from a guid, so every answer for one message agrees. */
const serialOf = (guid: string) =>
  String(parseInt(guid.replace(/[^0-9A-F]/gi, '').slice(0, 8), 16) % 1e9).padStart(9, '0');

/**
 * The number customs gives a message once it enters its database (120 and after), quoted in
 * that receipt and the later ones: a CEB603 export or CEB621 import list its invtNo (customs
 * code, year, E or I and 9 digits, XSD invtNo), a goods declaration (DEC) its 18-digit entryId
 * (customs code, year, 1 export / 0 import, 9 digits (?)). Derived from the guid so answers agree.
 */
function withCustomsNumber(
  type: string,
  head: Record<string, unknown>,
  keys: Record<string, string>,
  status: string,
  now: Date,
): Record<string, string> {
  if (Number(status) < 100) return keys;
  const text = (name: string) => (typeof head[name] === 'string' ? head[name] : '0000');
  const year = now.getUTCFullYear();
  const flag = LIST_FLAGS[type];
  if (flag && !keys.invtNo)
    return { ...keys, invtNo: `${text('customsCode')}${year}${flag}${serialOf(keys.guid)}` };
  if (type === 'DEC' && status !== '100') {
    const ie = head.ieFlag === 'I' ? '0' : '1';
    return { ...keys, entryId: `${text('customMaster')}${year}${ie}${serialOf(keys.guid)}` };
  }
  return keys;
}
