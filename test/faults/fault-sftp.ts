import { setTimeout as sleep } from 'node:timers/promises';
import { appendFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sinoIftsta } from '../../connectors/carrier-edifact/__fixtures__/carrier-files.fixture';
import { CARRIER_ID, fileRef } from './fault-carrier';
import type { FaultContext } from './fault-scenarios';

/**
 * The carrier's sshd killed with every session it forked, five times, 1 s down and 1.5 s up:
 * with a file dropped every few dozen orders and a poll every second, downloads, archive moves
 * and CONTRL uploads are cut mid-way. Every file must still be taken and answered once.
 */
export async function dropSftp(ctx: FaultContext): Promise<void> {
  const { sftp } = ctx.services;
  for (let i = 0; i < 5; i++) {
    await sftp.stop();
    await sleep(1000);
    await sftp.resume();
    await sleep(1500);
  }
}

/**
 * A file the carrier is still writing: its first half (no UNZ yet) sits in the folder for
 * four polls, then grows in two steps to the whole interchange. The gateway must leave it
 * until it is complete and then take it once.
 */
export async function halfWrittenFile(ctx: FaultContext): Promise<void> {
  const k = ctx.claimFile();
  const whole = sinoIftsta(fileRef(ctx.run, k));
  const path = join(inbound(ctx), `IFTSTA_${fileRef(ctx.run, k)}.edi`);
  const half = Math.floor(whole.length / 2);
  writeFileSync(path, whole.subarray(0, half));
  await sleep(4000);
  if (!existsSync(path)) throw new Error('the half-written file was taken');
  appendFileSync(path, whole.subarray(half, whole.length - 20));
  await sleep(2000);
  if (!existsSync(path)) throw new Error('the file was taken before its last 20 bytes');
  appendFileSync(path, whole.subarray(whole.length - 20));
  await untilGone(path);
}

/**
 * The carrier puts a file twice: the same name and bytes again once the first copy was
 * archived, and the same bytes under another name. Both are duplicates of the first: stored
 * as such, handled and answered once.
 */
export async function duplicateFiles(ctx: FaultContext): Promise<void> {
  const dir = inbound(ctx);
  for (let n = 0; n < 5; n++) {
    const k = ctx.claimFile();
    const body = sinoIftsta(fileRef(ctx.run, k));
    const path = join(dir, `IFTSTA_${fileRef(ctx.run, k)}.edi`);
    writeFileSync(path, body);
    await untilGone(path);
    writeFileSync(path, body);
    const again = join(dir, `IFTSTA_${fileRef(ctx.run, k)}_resent.edi`);
    writeFileSync(again, body);
    await untilGone(path);
    await untilGone(again);
  }
}

const inbound = (ctx: FaultContext) => ctx.services.sftp.folders(CARRIER_ID).inboundDir;

// Taken = moved out of the inbound folder (archived; the error folder would be a finding too).
async function untilGone(path: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (existsSync(path)) {
    if (Date.now() > until)
      throw new Error(`${path} not taken in 60 s (${readdirSync(join(path, '..')).length} left)`);
    await sleep(200);
  }
}
