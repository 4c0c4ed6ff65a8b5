import { XMLParser } from 'fast-xml-parser';
import type { Detection } from '../../../core/translation/contract';
import { iso20022Codec } from '../../../mappings/codecs/iso20022/iso20022.codec';
import { FXP_BASE_OPTIONS } from '../../../mappings/codecs/xml/xml-fxp';
import { xmlCodec } from '../../../mappings/codecs/xml/xml.codec';
import type { BenchLine } from '../bench-line';

const TARGET_BYTES = 20 * 1024 * 1024;
const ROUNDS = 5;

function entry(i: number): string {
  const amount = `${(i % 9973) + 1}.${String(i % 100).padStart(2, '0')}`;
  return (
    `<Ntry><NtryRef>${String(i).padStart(8, '0')}</NtryRef><Amt Ccy="EUR">${amount}</Amt>` +
    `<CdtDbtInd>${i % 3 ? 'CRDT' : 'DBIT'}</CdtDbtInd><RvslInd>false</RvslInd><Sts>BOOK</Sts>` +
    `<BookgDt><Dt>2024-03-15</Dt></BookgDt><ValDt><Dt>2024-03-15</Dt></ValDt><AcctSvcrRef>BANK-${i}</AcctSvcrRef>` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls><TxDtls><Refs><EndToEndId>E2E-${i}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">${amount}</Amt></TxAmt></AmtDtls>` +
    `<RltdPties><Dbtr><Nm>Buyer &amp; Sons ${i}</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>` +
    `<RmtInf><Ustrd>INVOICE INV-${String(i).padStart(6, '0')}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n`
  );
}

/** A camt.053.001.02 statement of about 20 MB with one Ntry per line. */
export function largeCamt053(bytes = TARGET_BYTES): { xml: Buffer; entries: number } {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>\n' +
    '<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2024-03-15T18:00:00+01:00</CreDtTm></GrpHdr>\n<Stmt><Id>S1</Id>' +
    '<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n';
  const parts = [head];
  let size = head.length;
  let entries = 0;
  while (size < bytes) {
    const next = entry(entries++);
    parts.push(next);
    size += next.length;
  }
  parts.push('</Stmt></BkToCstmrStmt></Document>\n');
  return { xml: Buffer.from(parts.join('')), entries };
}

interface Timing {
  /** Best CPU time (user + system, all threads of the process) in ms. */
  cpu: number;
  /** Best wall time in ms. */
  wall: number;
}

/**
 * Best of ROUNDS for each variant, runs interleaved so drift hits all alike. CPU time is the
 * figure that counts: on a shared machine wall time mostly measures the neighbours.
 */
function timeInterleaved(variants: Record<string, () => unknown>): Record<string, Timing> {
  const best: Record<string, Timing> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const cpuStart = process.cpuUsage();
      const wallStart = process.hrtime.bigint();
      run();
      const wall = Number(process.hrtime.bigint() - wallStart) / 1e6;
      const used = process.cpuUsage(cpuStart);
      const cpu = (used.user + used.system) / 1000;
      const previous = best[name] ?? { cpu: Infinity, wall: Infinity };
      best[name] = { cpu: Math.min(previous.cpu, cpu), wall: Math.min(previous.wall, wall) };
    }
  }
  return best;
}

export async function run(): Promise<BenchLine[]> {
  const { xml, entries } = largeCamt053();
  const mb = xml.length / (1024 * 1024);
  const detection = iso20022Codec.detect(xml) as Detection;
  const times = timeInterleaved({
    bare: () => new XMLParser(FXP_BASE_OPTIONS).parse(xml.toString('utf8')) as unknown,
    xml: () => xmlCodec.decode(xml, detection),
    iso: () => iso20022Codec.decode(xml, detection),
  });
  const rate = (ms: number) => Number((mb / (ms / 1000)).toFixed(2));
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  const bare = times.bare;
  const compared = (name: string, timing: Timing, what: string): BenchLine => ({
    name,
    value: rate(timing.cpu),
    unit: 'MB/s',
    baseline: rate(bare.cpu),
    ratio: ratio(timing.cpu, bare.cpu),
    note: `${what}; CPU-time ratio to bare (target <= 1.5), wall ratio ${ratio(timing.wall, bare.wall)}`,
  });
  return [
    {
      name: 'fast-xml-parser bare parse (same options)',
      value: rate(bare.cpu),
      unit: 'MB/s',
      note: `${mb.toFixed(1)} MB camt.053, ${entries} Ntry, best of ${ROUNDS} by CPU time; wall ${rate(bare.wall)} MB/s`,
    },
    compared(
      'xmlCodec.decode (hardened + tree)',
      times.xml,
      'limits, DTD refusal, well-formedness, namespaces, tree',
    ),
    compared(
      'iso20022Codec.decode (typed camt.053)',
      times.iso,
      'xmlCodec work plus the typed statement tree',
    ),
  ];
}
