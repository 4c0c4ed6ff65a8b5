import type { EdifactSegment } from '../codecs/edifact';
import { carrierInbound } from '../carrier-edifact/carrier-inbound';
import { statusCodeList } from '../carrier-edifact/carrier-settings.schema';
import { mappingError } from '../carrier-edifact/mapping-error';
import { asMappedEvent } from '../carrier-edifact/shipment-event.builder';
import { consignmentContainer, statusEvents } from './iftsta-status.reader';

/**
 * IFTSTA (international multimodal status report) -> ShipmentEvent, one per consignment (CNI),
 * status (STS) and container. Reads D.95B..D.21A alike: groups are found by trigger tag.
 * Status codes go through the partner's code list; the carrier's code stays in sourceStatusCode.
 */
export const iftstaMapping = carrierInbound('carrier-edifact-iftsta', 'IFTSTA', (input) => {
  const { message, header, settings, warnings } = input;
  const cnis = message.tree.groups('CNI');
  if (cnis.length === 0)
    throw mappingError('IFTSTA has no consignment (CNI)', header.bgm, 'missing-cni');
  const codes = statusCodeList(settings);
  return cnis
    .flatMap((cni) => {
      const scope = {
        header,
        cni: cni.head as EdifactSegment,
        cniContainer: consignmentContainer(cni),
        settings,
        codes,
        warnings,
        lenient: input.lenient,
      };
      return cni.groups('STS').flatMap((sts) => statusEvents(sts, scope));
    })
    .map(asMappedEvent);
});
