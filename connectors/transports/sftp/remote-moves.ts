import { posix } from 'node:path';
import type { RemoteFile, SftpSession } from './sftp-session';

/**
 * Moves a taken file into `dir` under its own name, or `<name>.<tag>` when a file of that name
 * is already there (partners reuse names like IFTSTA.edi): an archive never overwrites.
 */
export async function moveInto(
  session: SftpSession,
  file: RemoteFile,
  dir: string,
  tag: string,
): Promise<string> {
  const target = await freeName(session, dir, file.name, tag);
  await session.rename(file.path, target);
  return target;
}

/**
 * Parks a file that can never be read in the error folder with `<name>.reason.txt` beside it.
 * The reason is written first: after a crash in between, the next poll writes it again.
 */
export async function moveToError(
  session: SftpSession,
  file: RemoteFile,
  dir: string,
  reason: string,
  at: Date,
): Promise<string> {
  const tag = at.toISOString().replace(/[-:.]/g, '');
  const target = await freeName(session, dir, file.name, tag);
  const text = `${file.name}: ${reason}\nmoved by TradeHub at ${at.toISOString()}\n`;
  await session.write(`${target}.reason.txt`, Buffer.from(text, 'utf8'));
  await session.rename(file.path, target);
  return target;
}

async function freeName(session: SftpSession, dir: string, name: string, tag: string) {
  const plain = posix.join(dir, name);
  return (await session.exists(plain)) ? `${plain}.${tag}` : plain;
}
