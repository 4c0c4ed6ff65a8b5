import type { MappingContext } from '../../../core/translation/contract';
import type { CarrierEdifactSettingsInput } from '../carrier-settings.schema';

/**
 * Two example carrier lines. The second differs from the first only in configuration:
 * another directory, syntax level, time zone and its own STS code list (UN/EDIFACT 9011
 * numbers instead of X12 315 letters). The gateway's seed YAML copies these settings.
 */
export interface CarrierPartnerFixture {
  partnerId: string;
  name: string;
  settings: CarrierEdifactSettingsInput;
}

export const sinoOceanLines: CarrierPartnerFixture = {
  partnerId: 'sino-ocean-lines',
  name: 'Sino Ocean Lines',
  settings: {
    carrierName: 'Sino Ocean Lines',
    carrierCode: 'SNOL',
    senderId: 'TRADEHUBCN',
    senderQualifier: 'ZZZ',
    recipientId: 'SINOLINES',
    recipientQualifier: 'ZZZ',
    directory: 'D.99B',
    syntax: 'UNOC:3',
    timeZone: '+08:00',
    // The line's one code beyond the X12 315 defaults: stuffed at its CFS.
    statusCodes: {
      SF: {
        eventKind: 'EQUIPMENT',
        eventCode: 'STUF',
        emptyIndicator: 'LADEN',
        description: 'Stuffed at CFS',
      },
    },
  },
};

export const pacificStarShipping: CarrierPartnerFixture = {
  partnerId: 'pacific-star-shipping',
  name: 'Pacific Star Shipping',
  settings: {
    carrierName: 'Pacific Star Shipping Co., Ltd.',
    carrierCode: 'PSSL',
    senderId: 'TRADEHUBCN',
    recipientId: 'PSSLEDI',
    recipientQualifier: '1',
    directory: 'D.00B',
    syntax: 'UNOB:2',
    associationCode: 'PSS01',
    timeZone: '+09:00',
    lineEnding: 'crlf',
    defaultStatusCodes: false,
    unknownStatus: 'skip',
    statusCodes: {
      '27': {
        eventKind: 'EQUIPMENT',
        eventCode: 'GTOT',
        emptyIndicator: 'EMPTY',
        description: 'Despatched',
      },
      '74': {
        eventKind: 'EQUIPMENT',
        eventCode: 'GTIN',
        emptyIndicator: 'LADEN',
        description: 'Received',
      },
      '48': {
        eventKind: 'EQUIPMENT',
        eventCode: 'LOAD',
        emptyIndicator: 'LADEN',
        description: 'Loaded',
      },
      '24': { eventKind: 'TRANSPORT', eventCode: 'DEPA', description: 'Departed' },
      '1': { eventKind: 'TRANSPORT', eventCode: 'ARRI', description: 'Arrived' },
      '29': {
        eventKind: 'EQUIPMENT',
        eventCode: 'DISC',
        emptyIndicator: 'LADEN',
        description: 'Discharged',
      },
      '21': {
        eventKind: 'EQUIPMENT',
        eventCode: 'DROP',
        emptyIndicator: 'LADEN',
        description: 'Delivered',
      },
      '82': {
        eventKind: 'EQUIPMENT',
        eventCode: 'GTIN',
        emptyIndicator: 'EMPTY',
        description: 'Returned',
      },
    },
    bookingStatusCodes: { '4': 'PENDING_AMENDMENT' },
  },
};

/**
 * A US rail and port operator that writes every time in the local time of the place it
 * happened (Long Beach in Los Angeles time, Syracuse in New York time) and wants unknown status
 * codes refused (strict).
 */
export const harborlinkRail: CarrierPartnerFixture = {
  partnerId: 'harborlink-rail',
  name: 'Harborlink Rail',
  settings: {
    carrierName: 'Harborlink Rail',
    carrierCode: 'HBLR',
    directory: 'D.00B',
    timeZone: 'UTC',
    timeConvention: 'location',
    unknownStatus: 'error',
  },
};

/**
 * A feeder line whose partner record names no carrier and whose IFTMBCs carry no NAD+CA: the
 * carrier is who sent the interchange.
 */
export const balticFeeder: CarrierPartnerFixture = {
  partnerId: 'baltic-feeder',
  name: 'Baltic Feeder',
  settings: {},
};

/** The same feeder line for a shipper that wants the carrier named in each message. */
export const balticFeederNamed: CarrierPartnerFixture = {
  partnerId: 'baltic-feeder-named',
  name: 'Baltic Feeder (carrier named)',
  settings: { carrierFromSender: false },
};

export const CARRIER_PARTNERS: Readonly<Record<string, CarrierPartnerFixture>> = {
  [sinoOceanLines.partnerId]: sinoOceanLines,
  [pacificStarShipping.partnerId]: pacificStarShipping,
  [harborlinkRail.partnerId]: harborlinkRail,
  [balticFeeder.partnerId]: balticFeeder,
  [balticFeederNamed.partnerId]: balticFeederNamed,
};

/** A mapping context for one of the example lines. */
export function carrierContext(
  partnerId: string,
  receivedAt = '2025-04-21T02:00:00Z',
  checks?: MappingContext['checks'],
): MappingContext {
  const partner = CARRIER_PARTNERS[partnerId];
  if (!partner) throw new Error(`no carrier fixture ${partnerId}`);
  return { partnerId, receivedAt, settings: partner.settings, ...(checks ? { checks } : {}) };
}
