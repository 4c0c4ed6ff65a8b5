import type { Pool } from 'pg';
import type { InboundPoller } from '../../core/connector/contract';
import { carrierDcsaPollers } from '../../connectors/carrier-dcsa';
import { SftpInboundPoller } from '../../connectors/transports/sftp';
import { warehouseRestPollers } from '../../connectors/warehouse-rest';

/** Every inbound poller by transport kind; connectors that fetch add theirs here. */
export function inboundPollers(pool: Pool): Map<string, InboundPoller> {
  const list: InboundPoller[] = [
    new SftpInboundPoller(),
    ...carrierDcsaPollers(pool),
    ...warehouseRestPollers(),
  ];
  return new Map(list.map((p) => [p.kind, p]));
}
