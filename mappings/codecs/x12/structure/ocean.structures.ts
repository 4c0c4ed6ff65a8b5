import { loop, m, o, type X12SetStructure } from './x12-structure';

/**
 * 310 Freight Receipt and Invoice (Ocean), release 004010 (GS01 IO). Partial: heading parties,
 * routing, equipment, line items and charges, enough for ocean bill of lading data.
 */
export const TS_310: X12SetStructure = {
  id: '310',
  name: 'Freight Receipt and Invoice (Ocean)',
  functionalId: 'IO',
  version: '004010',
  partial: true,
  nodes: [
    m('B3'),
    o('B2A'),
    o('Y6', 2),
    o('N9', 50),
    o('CM', 2),
    o('M0'),
    o('M1', 5),
    o('C2'),
    o('C3'),
    o('ITD', 5),
    o('V1', 5),
    o('Y2', 99),
    loop('N1', 0, 10, [m('N1'), o('N2', 2), o('N3', 2), o('N4'), o('REF', 5), o('PER', 3)]),
    loop('R4', 0, 20, [m('R4'), o('DTM', 15)]),
    o('C8', 20),
    loop('LX', 0, 9999, [
      m('LX'),
      loop('N7', 0, 9999, [m('N7'), o('QTY', 5), o('V4', 5), o('N12'), o('M7', 5), o('W09')]),
      loop('L0', 0, 120, [m('L0'), o('MEA', 10), o('L1', 20), o('L5', 999), o('H1', 10)]),
    ]),
    o('L3'),
    loop('L1', 0, 20, [m('L1'), o('C3')]),
  ],
};

/** 315 Status Details (Ocean), release 004010 (GS01 QO). Partial: B4, references, routing. */
export const TS_315: X12SetStructure = {
  id: '315',
  name: 'Status Details (Ocean)',
  functionalId: 'QO',
  version: '004010',
  partial: true,
  nodes: [
    m('B4'),
    o('N9', 30),
    o('Q2'),
    o('SG', 15),
    loop('R4', 0, 20, [m('R4'), o('DTM', 15)]),
    o('V9', 10),
  ],
};

/**
 * 214 Transportation Carrier Shipment Status Message, release 004010 (GS01 QM). Partial: the
 * heading (B10, references, parties) and the LX shipment status loop with its AT7 status
 * details and the status's references; the CD3 order loops and NM1 parties are not described.
 */
export const TS_214: X12SetStructure = {
  id: '214',
  name: 'Transportation Carrier Shipment Status Message',
  functionalId: 'QM',
  version: '004010',
  partial: true,
  nodes: [
    m('B10'),
    o('L11', 300),
    o('MAN', 9999),
    loop('N1', 0, 10, [m('N1'), o('N2'), o('N3', 2), o('N4'), o('G62'), o('L11', 5)]),
    o('MS3'),
    loop('LX', 0, 999999, [
      m('LX'),
      loop('AT7', 0, 10, [m('AT7'), o('MS1'), o('MS2', 2), o('M7', 5)]),
      o('L11', 10),
      o('MAN', 9999),
      o('Q7', 10),
      o('K1', 10),
      o('AT5', 10),
      o('AT8', 10),
    ]),
  ],
};

/**
 * 210 Motor Carrier Freight Details and Invoice, release 004010 (GS01 IM). Partial: heading
 * (B3, currency, references, dates, parties, equipment), the LX line items with their
 * descriptions and charges, and the L3 total; the S5 stop-off loops are not described.
 */
export const TS_210: X12SetStructure = {
  id: '210',
  name: 'Motor Carrier Freight Details and Invoice',
  functionalId: 'IM',
  version: '004010',
  partial: true,
  nodes: [
    m('B3'),
    o('C2'),
    o('C3'),
    o('ITD'),
    o('N9', 300),
    o('G62', 6),
    o('R3', 12),
    o('H3', 6),
    o('K1', 10),
    loop('N1', 0, 10, [m('N1'), o('N2'), o('N3', 2), o('N4'), o('N9', 5)]),
    loop('N7', 0, 10, [m('N7'), o('M7', 2)]),
    loop('LX', 0, 9999, [
      m('LX'),
      o('N9', 5),
      o('L5', 30),
      loop('H1', 0, 3, [m('H1'), o('H2', 2)]),
      o('L0', 10),
      o('L1', 10),
      o('L4', 10),
    ]),
    o('L3'),
  ],
};
