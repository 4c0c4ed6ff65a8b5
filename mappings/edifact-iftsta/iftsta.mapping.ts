import type { InboundMapping, MappingResult } from '../../core/translation/contract';
import type { EdifactMessage, EdifactSegment } from '../codecs/edifact';
import { readCarrierSettings, statusCodeList } from '../carrier-edifact/carrier-settings.schema';
import { mappingError } from '../carrier-edifact/mapping-error';
import { readHeader, refuseCancellation } from '../carrier-edifact/message-header';
import { asMappedEvent } from '../carrier-edifact/shipment-event.builder';
import { consignmentContainer, statusEvents } from './iftsta-status.reader';

/**
 * IFTSTA (international multimodal status report) -> ShipmentEvent, one per consignment (CNI),
 * status (STS) and container. Reads D.95B..D.21A alike: groups are found by trigger tag.
 * Status codes go through the partner's code list; the carrier's code stays in sourceStatusCode.
 */
export const iftstaMapping: InboundMapping<EdifactMessage> = {
  id: 'carrier-edifact-iftsta',
  format: 'edifact',
  messageTypes: ['IFTSTA'],
  toCanonical(message, ctx): MappingResult {
    const settings = readCarrierSettings(ctx);
    const m = message.tree;
    const header = readHeader(m, settings.timeZone);
    refuseCancellation(header, 'IFTSTA');
    const cnis = m.tree.groups('CNI');
    if (cnis.length === 0)
      throw mappingError('IFTSTA has no consignment (CNI)', header.bgm, 'missing-cni');
    const warnings: string[] = [];
    const codes = statusCodeList(settings);
    const documents = cnis.flatMap((cni) => {
      const scope = {
        header,
        cni: cni.head as EdifactSegment,
        cniContainer: consignmentContainer(cni),
        settings,
        codes,
        warnings,
      };
      return cni.groups('STS').flatMap((sts) => statusEvents(sts, scope));
    });
    return { documents: documents.map(asMappedEvent), warnings };
  },
};
