/**
 * Test partners and partner messages for the logistics suites, written from the standards
 * (ITIGG IFTSTA D.99B, EANCOM/INTTRA IFTMBC, DCSA T&T 2.2 and 3.0 Beta, the 4PX webhook dialect).
 */
const carrierSettings = {
  carrierName: 'Test Ocean Lines',
  carrierCode: 'TOLS',
  senderId: 'TRADEHUBCN',
  recipientId: 'TESTOCEAN',
  directory: 'D.99B',
  syntax: 'UNOC:3',
  timeZone: '+08:00',
};

/** An ocean carrier speaking EDIFACT: IFTSTA and IFTMBC in, IFTMIN out over HTTP. */
export function carrierPartner(id: string, outboundUrl: string) {
  const inbound = (messageType: string) => ({
    format: 'edifact',
    messageType,
    direction: 'in',
    mapping: `carrier-edifact-${messageType.toLowerCase()}`,
    settings: carrierSettings,
  });
  const outbound = (mapping: string) => ({
    format: 'edifact',
    messageType: 'IFTMIN',
    direction: 'out',
    mapping,
    settings: carrierSettings,
  });
  return {
    id,
    name: `Carrier ${id}`,
    kind: 'carrier',
    connector: 'http-generic',
    formats: [
      inbound('IFTSTA'),
      inbound('IFTMBC'),
      outbound('carrier-edifact-iftmin-booking'),
      outbound('carrier-edifact-iftmin-si'),
    ],
    transports: [
      { kind: 'http-inbound', unsigned: true },
      { kind: 'http-outbound', url: outboundUrl },
    ],
  };
}

/** A carrier taking DCSA Booking 2.0 requests over HTTP. */
export function dcsaBookingCarrier(id: string, outboundUrl: string) {
  return {
    id,
    name: `DCSA carrier ${id}`,
    kind: 'carrier',
    connector: 'http-generic',
    formats: [
      {
        format: 'json',
        messageType: 'dcsa.booking.request',
        direction: 'out',
        mapping: 'dcsa-booking-2-request-render',
      },
    ],
    transports: [{ kind: 'http-outbound', url: outboundUrl }],
  };
}

/** A visibility hub pushing DCSA Track & Trace events. */
export function dcsaPartner(id: string) {
  return {
    id,
    name: `DCSA hub ${id}`,
    kind: 'carrier',
    connector: 'http-generic',
    formats: [
      {
        format: 'json',
        messageType: 'dcsa.tnt.events',
        mapping: 'dcsa-tnt-events',
        settings: { carrierCode: 'TOLS' },
      },
    ],
    transports: [{ kind: 'http-inbound', unsigned: true }],
  };
}

/** A 4PX-style warehouse channel (one message type per channel: JSON names no type). */
export function warehousePartner(
  id: string,
  messageType: string,
  mapping: string,
  clientId: string,
) {
  return {
    id,
    name: `Warehouse ${id}`,
    kind: 'warehouse',
    connector: 'http-generic',
    clientId,
    formats: [
      { format: 'json', messageType, mapping, settings: { dialect: '4px', provider: '4px' } },
    ],
    transports: [{ kind: 'http-inbound', unsigned: true }],
  };
}

export interface StatusLine {
  /** X12-315 style STS code: AE loaded, VD departed, VA arrived, UV discharged ... */
  code: string;
  /** DTM 2005: 334 actual status time, 132 estimated arrival, 133 estimated departure. */
  dtm: string;
  /** CCYYMMDDHHMM in the carrier's zone (+08:00). */
  time: string;
  locode: string;
  container?: string;
  vessel?: boolean;
}

/** An IFTSTA status report for one B/L; DTM 137 (document time) orders reports of one carrier. */
export function iftsta(o: {
  ref: string;
  docTime: string;
  bl: string;
  booking: string;
  lines: StatusLine[];
}) {
  const body = [
    `BGM+23+${o.ref}+9`,
    `DTM+137:${o.docTime}:203`,
    'NAD+CA+TOLS:172:182',
    `RFF+BN:${o.booking}`,
    `RFF+BM:${o.bl}`,
    `CNI+1+${o.bl}`,
    ...o.lines.flatMap((l) => [
      `STS+1+${l.code}`,
      ...(l.container ? [`RFF+EQ:${l.container}`] : []),
      `DTM+${l.dtm}:${l.time}:203`,
      `LOC+175+${l.locode}:139:6`,
      ...(l.vessel ? ['TDT+20+031E+1++TOLS:172:182+++9301234:146:11:TEST HARMONY'] : []),
      ...(l.container ? [`EQD+CN+${l.container}+45G1:102:5+++5`] : []),
    ]),
  ];
  return interchange(o.ref, 'IFTSTA', body);
}

/** An IFTMBC booking answer (BGM 770; 4343 AP accepted, RE rejected) to a request reference. */
export function iftmbc(o: {
  ref: string;
  bookingNo: string;
  requestRef: string;
  time: string;
  answer?: 'AP' | 'RE';
}) {
  return interchange(o.ref, 'IFTMBC', [
    `BGM+770+${o.bookingNo}+9+${o.answer ?? 'AP'}`,
    `DTM+137:${o.time}:203`,
    `RFF+BN:${o.bookingNo}`,
    `RFF+AGO:${o.requestRef}`,
    'TDT+20+031E+1++TOLS:172:182+++9301234:146:11:TEST HARMONY',
    'LOC+9+CNNGB:139:6:NINGBO',
    'DTM+133:202505201800:203',
    'LOC+11+USLGB:139:6:LONG BEACH',
    'DTM+132:202506060800:203',
    'NAD+CA+TOLS:172:182++TEST OCEAN LINES',
    'EQD+CN++45G1:102:5',
    'EQN+1',
  ]);
}

function interchange(ref: string, type: string, body: string[]): string {
  const segments = [`UNH+1+${type}:D:99B:UN:ITG12`, ...body];
  return (
    [
      'UNA:+.? ',
      `UNB+UNOC:3+TESTOCEAN:ZZZ+TRADEHUBCN:ZZZ+250421:0930+${ref.slice(-14)}`,
      ...segments,
      `UNT+${segments.length + 1}+1`,
      `UNZ+1+${ref.slice(-14)}`,
    ].join("'\n") + "'\n"
  );
}

/** A DCSA T&T 2.2 event naming its B/L and booking. */
export function dcsaEvent(o: {
  id: string;
  type: 'EQUIPMENT' | 'TRANSPORT';
  classifier: 'PLN' | 'EST' | 'ACT';
  code: string;
  at: string;
  createdAt: string;
  locode: string;
  bl: string;
  booking: string;
  container?: string;
}) {
  const codeField = o.type === 'EQUIPMENT' ? 'equipmentEventTypeCode' : 'transportEventTypeCode';
  return {
    eventID: o.id,
    eventCreatedDateTime: o.createdAt,
    eventType: o.type,
    eventClassifierCode: o.classifier,
    eventDateTime: o.at,
    [codeField]: o.code,
    ...(o.type === 'EQUIPMENT'
      ? {
          equipmentReference: o.container,
          emptyIndicatorCode: 'LADEN',
          eventLocation: { UNLocationCode: o.locode },
        }
      : {}),
    transportCall: {
      transportCallID: `tc-${o.locode}`,
      UNLocationCode: o.locode,
      modeOfTransport: 'VESSEL',
      vessel: { vesselIMONumber: '9301234', vesselName: 'TEST HARMONY' },
    },
    documentReferences: [
      { documentReferenceType: 'BKG', documentReferenceValue: o.booking },
      { documentReferenceType: 'TRD', documentReferenceValue: o.bl },
    ],
  };
}

/** A DCSA T&T 2.2 SHIPMENT event about a transport document (DRFT drafted, ISSU issued). */
export function dcsaDocumentEvent(o: {
  id: string;
  code: string;
  at: string;
  blNo: string;
  booking: string;
}) {
  return {
    eventID: o.id,
    eventCreatedDateTime: o.at,
    eventType: 'SHIPMENT',
    eventClassifierCode: 'ACT',
    eventDateTime: o.at,
    shipmentEventTypeCode: o.code,
    documentTypeCode: 'TRD',
    documentID: o.blNo,
    documentReferences: [{ documentReferenceType: 'BKG', documentReferenceValue: o.booking }],
  };
}

/** DCSA T&T 3.0 Beta: a notification retracting an event the hub sent before. */
export function dcsaRetraction(id: string, retractedId: string, event: Record<string, unknown>) {
  return [
    {
      metadata: {
        eventID: id,
        eventCreatedDateTime: event.eventCreatedDateTime,
        eventType: event.eventType,
        retractedEventID: retractedId,
      },
      payload: {
        eventClassifierCode: event.eventClassifierCode,
        eventDateTime: event.eventDateTime,
        equipmentEventTypeCode: event.equipmentEventTypeCode,
        equipmentReference: event.equipmentReference,
        emptyIndicatorCode: 'LADEN',
        eventLocation: event.eventLocation,
      },
    },
  ];
}

/** A canonical booking request with Latin-script parties (IFTMIN under UNOC). */
export function bookingRequest(ref: string, extra: Record<string, unknown> = {}) {
  return {
    bookingRequestRef: ref,
    shipper: {
      name: 'Ningbo Lakeside Appliances Co., Ltd.',
      address: {
        lines: ['88 Changxing Road'],
        city: 'Ningbo',
        postalCode: '315020',
        country: 'CN',
      },
    },
    consignee: {
      name: 'Lakeside Home Goods Inc.',
      address: {
        lines: ['400 Harbor Blvd'],
        city: 'Long Beach',
        postalCode: '90802',
        country: 'US',
      },
    },
    portOfLoading: { unLocode: 'CNNGB', name: 'Ningbo' },
    portOfDischarge: { unLocode: 'USLGB', name: 'Long Beach' },
    cargoMovement: 'FCL',
    requestedDepartureDate: '2025-05-20',
    equipment: [{ isoEquipmentCode: '45G1', units: 1 }],
    cargo: [
      {
        description: 'ELECTRIC KETTLES',
        hsCode: '851671',
        packages: { count: 200, packageType: 'CT' },
        grossWeightKg: '3360',
      },
    ],
    ...extra,
  };
}

/** Shipping instructions for a confirmed booking (bookingNos filled in by the API). */
export function shippingInstructions(container: string) {
  const b = bookingRequest('unused');
  return {
    shipper: b.shipper,
    consignee: b.consignee,
    portOfLoading: b.portOfLoading,
    portOfDischarge: b.portOfDischarge,
    transportDocumentType: 'BOL',
    containers: [
      { containerNo: container, isoEquipmentCode: '45G1', seals: ['TS123456'], vgmKg: '7160' },
    ],
    cargo: [{ ...b.cargo[0], containerNo: container }],
  };
}

/** A 4PX inventory query answer for one warehouse: good stock and damaged (quality B) stock. */
export function fpxInventory(
  warehouse: string,
  lines: Array<{ sku: string; available: number; damaged?: number }>,
) {
  const rows = lines.flatMap((l) => [
    {
      warehouse_code: warehouse,
      sku_id: `id-${l.sku}`,
      sku_code: l.sku,
      stock_quality: 'G',
      available_stock: l.available,
      pending_stock: 0,
      onway_stock: 0,
    },
    ...(l.damaged
      ? [
          {
            warehouse_code: warehouse,
            sku_id: `id-${l.sku}`,
            sku_code: l.sku,
            stock_quality: 'B',
            available_stock: l.damaged,
            pending_stock: 0,
            onway_stock: 0,
          },
        ]
      : []),
  ]);
  return {
    result: '1',
    msg: 'success',
    data: { total: rows.length, page_no: 1, page_size: 100, data: rows },
  };
}

/** A 4PX outbound push: the order left the warehouse (status C) with these SKUs. */
export function fpxShipped(o: {
  eventId: string;
  orderNo: string;
  warehouse: string;
  at: number;
  skus: Array<[string, number]>;
}) {
  return fpxPush('outbound.status', o.eventId, o.at, {
    consignment_no: `OC-${o.orderNo}`,
    ref_no: o.orderNo,
    from_warehouse_code: o.warehouse,
    status: 'C',
    status_time: o.at,
    carrier_code: 'USPS',
    shipping_no: `9400${o.at}`,
    packages: [
      {
        package_no: 'P1',
        tracking_no: `9400${o.at}`,
        skus: o.skus.map(([sku_code, qty]) => ({ sku_code, qty })),
      },
    ],
  });
}

/** The 4PX webhook envelope around a pushed object. */
function fpxPush(eventType: string, eventId: string, at: number, data: Record<string, unknown>) {
  return { event_type: eventType, event_id: eventId, push_time: at + 1000, data };
}

/** STS AE: the container loaded on the vessel at Ningbo (actual). */
export const loadedAtNingbo = (container: string, time = '202505201630'): StatusLine => ({
  code: 'AE',
  dtm: '334',
  time,
  locode: 'CNNGB',
  container,
  vessel: true,
});

/** A 4PX inbound push: P receiving, C put away (received quantities per SKU). */
export function fpxInbound(o: {
  eventId: string;
  asnNo: string;
  warehouse: string;
  status: 'P' | 'C';
  at: number;
  skus: Array<[string, number]>;
}) {
  return fpxPush('inbound.status', o.eventId, o.at, {
    consignment_no: `IC-${o.asnNo}`,
    ref_no: o.asnNo,
    to_warehouse_code: o.warehouse,
    status: o.status,
    status_time: o.at,
    transport_type: 'SEA',
    arrive_time: o.at - 3_600_000,
    skus: o.skus.map(([sku_code, qty], i) => ({
      sku_code,
      box_no: String(i + 1),
      plan_qty: qty,
      ...(o.status === 'C' ? { received_qty: qty } : {}),
    })),
  });
}
