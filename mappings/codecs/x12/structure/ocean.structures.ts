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
