import type { MessageStructure } from '../structure.dsl';
import { COARRI } from './coarri.structure';
import { CODECO } from './codeco.structure';
import { CONTRL } from './contrl.structure';
import { COPARN } from './coparn.structure';
import { CUSDEC } from './cusdec.structure';
import { CUSRES } from './cusres.structure';
import { DESADV } from './desadv.structure';
import { IFTMBC } from './iftmbc.structure';
import { IFTMIN } from './iftmin.structure';
import { IFTSTA } from './iftsta.structure';
import { INVOIC } from './invoic.structure';
import { INVRPT } from './invrpt.structure';
import { ORDERS } from './orders.structure';
import { VERMAS } from './vermas.structure';

/**
 * Message structures by UNH 0065. One structure serves every directory version from D.95B to
 * D.21A: entries that exist only in some versions are conditional, repetition limits are the
 * largest any version allows (see the notes in each file).
 */
export const structureRegistry: ReadonlyMap<string, MessageStructure> = new Map(
  [
    COARRI,
    CODECO,
    CONTRL,
    COPARN,
    CUSDEC,
    CUSRES,
    DESADV,
    IFTMBC,
    IFTMIN,
    IFTSTA,
    INVOIC,
    INVRPT,
    ORDERS,
    VERMAS,
  ].map((s) => [s.messageType, s]),
);

export function structureFor(messageType: string): MessageStructure | undefined {
  return structureRegistry.get(messageType);
}
