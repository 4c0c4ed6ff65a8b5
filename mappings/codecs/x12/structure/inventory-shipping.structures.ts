import { loop, m, o, type X12SetStructure } from './x12-structure';

/** 846 Inventory Inquiry/Advice (GS01 IB), release 004010. */
export const TS_846: X12SetStructure = {
  id: '846',
  name: 'Inventory Inquiry/Advice',
  functionalId: 'IB',
  version: '004010',
  notes: '005010: same shape; LIN loop adds LDT/QTY nesting used by drop-ship feeds.',
  nodes: [
    m('BIA'),
    o('CUR'),
    o('REF', 12),
    o('PER', 3),
    o('MEA', 10),
    o('DTM', 10),
    loop('N1', 0, 200, [m('N1'), o('N2', 2), o('N3', 2), o('N4'), o('PER', 3)]),
    loop('LIN', 0, 10000, [
      m('LIN'),
      o('SLN', 1000),
      o('PID', 200),
      o('PO4', 10),
      o('MEA', 10),
      o('PKG', 25),
      o('DTM', 10),
      o('CTP', 25),
      o('PAL'),
      o('REF', 12),
      o('PER', 3),
      o('SDQ', 50),
      o('MAN', 99),
      loop('QTY', 0, -1, [m('QTY'), o('UIT'), o('SI', 5), o('DTM', 10), o('REF', 12)]),
      loop('N1', 0, 200, [m('N1'), o('N2', 2), o('N3', 2), o('N4'), o('QTY', -1)]),
    ]),
    o('CTT'),
  ],
};

/**
 * 856 Ship Notice/Manifest (GS01 SH), release 004010. The HL loop is flat in the table; its
 * nesting (shipment > order > tare > pack > item) is in HL01/HL02, see x12-tree hlHierarchy.
 */
export const TS_856: X12SetStructure = {
  id: '856',
  name: 'Ship Notice/Manifest',
  functionalId: 'SH',
  version: '004010',
  notes: '005010: same table; HL loop segments unchanged for warehouse use.',
  nodes: [
    m('BSN'),
    o('DTM', 10),
    loop('HL', 1, 200000, [
      m('HL'),
      o('LIN'),
      o('SN1'),
      o('SLN', 1000),
      o('PRF'),
      o('PO4'),
      o('PID', 200),
      o('MEA', 40),
      o('PWK', 25),
      o('PKG', 25),
      o('TD1', 20),
      o('TD5', 12),
      o('TD3', 12),
      o('TD4', 5),
      o('TSD'),
      o('REF', -1),
      o('PER', 3),
      loop('CLD', 0, 200, [m('CLD'), o('REF', 200), o('DTP')]),
      o('MAN', -1),
      o('DTM', 10),
      o('FOB'),
      o('PAL'),
      loop('N1', 0, 200, [
        m('N1'),
        o('N2', 2),
        o('N3', 2),
        o('N4'),
        o('REF', 12),
        o('PER', 3),
        o('FOB'),
      ]),
      o('SDQ', 50),
      o('ETD'),
      o('CUR'),
      loop('SAC', 0, -1, [m('SAC'), o('CUR')]),
      o('GF'),
      o('YNQ', 10),
      loop('LM', 0, 10, [m('LM'), m('LQ', 100)]),
      loop('V1', 0, -1, [m('V1'), o('R4', -1), o('DTM', -1)]),
    ]),
    o('CTT'),
  ],
};

/** 997 Functional Acknowledgment (GS01 FA), release 004010. */
export const TS_997: X12SetStructure = {
  id: '997',
  name: 'Functional Acknowledgment',
  functionalId: 'FA',
  version: '004010',
  notes:
    '005010: AK1-03 echoes GS08, AK2-03 echoes ST03, AK4-01 is composite C030; AK5/AK9 code lists grow.',
  nodes: [
    m('AK1'),
    loop('AK2', 0, 999999, [m('AK2'), loop('AK3', 0, 999999, [m('AK3'), o('AK4', 99)]), m('AK5')]),
    m('AK9'),
  ],
};
