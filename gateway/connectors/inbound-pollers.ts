import type { InboundPoller } from '../../core/connector/contract';
import { SftpInboundPoller } from '../../connectors/transports/sftp';

/** Every inbound poller by transport kind; connectors that fetch add theirs here. */
export function inboundPollers(): Map<string, InboundPoller> {
  const list: InboundPoller[] = [new SftpInboundPoller()];
  return new Map(list.map((p) => [p.kind, p]));
}
