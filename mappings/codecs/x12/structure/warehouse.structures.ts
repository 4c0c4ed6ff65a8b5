import { loop, m, o, type X12SetStructure, type X12StructureNode } from './x12-structure';

// Warehouse transaction sets (functional groups OW, AR, RE, SW), release 004010. Tables follow
// the ASC X12 004010 segment tables; where X12 leaves a loop optional that carries the whole
// business content (the line items), TradeHub's baseline requires it and says so.

const nameLoop = (max: number): X12StructureNode =>
  loop('N1', 0, max, [m('N1'), o('N2', 2), o('N3', 2), o('N4'), o('PER', 3)]);

const lmLoop = (): X12StructureNode => loop('LM', 0, 10, [m('LM'), m('LQ', 100)]);

const NOTES_5010 =
  '005010: same table; the N1 loop gains a REF/DTM loop and G62 becomes repeatable in more places. ' +
  'Envelope: ISA11 is the repetition separator, ST03 carries the implementation convention.';

/** 940 Warehouse Shipping Order (GS01 OW). */
export const TS_940: X12SetStructure = {
  id: '940',
  name: 'Warehouse Shipping Order',
  functionalId: 'OW',
  version: '004010',
  notes: NOTES_5010,
  nodes: [
    m('W05'),
    nameLoop(10),
    o('N9', 10),
    o('G61', 3),
    o('G62', 10),
    o('NTE', -1),
    o('W09'),
    o('W66'),
    o('W6'),
    o('R2', 13),
    o('BNX'),
    lmLoop(),
    // Detail. X12 lists loop 0300 as optional; an order without lines is rejected here.
    loop('LX', 1, -1, [
      m('LX'),
      o('MAN', -1),
      o('SDQ', -1),
      o('N1'),
      o('G62', 10),
      loop('W01', 1, -1, [
        m('W01'),
        o('G69', 5),
        o('N9', 200),
        o('NTE', -1),
        o('W20', 3),
        o('QTY', 10),
        o('AMT'),
        o('G62', 10),
        o('G66'),
        o('N1', 3),
        o('PER', 5),
        o('LH2', 6),
        o('LHR'),
        o('LH6', 5),
        lmLoop(),
        loop('FA1', 0, -1, [m('FA1'), m('FA2', -1)]),
      ]),
    ]),
    o('W76'),
  ],
};

/** 943 Warehouse Stock Transfer Shipment Advice (GS01 AR). */
export const TS_943: X12SetStructure = {
  id: '943',
  name: 'Warehouse Stock Transfer Shipment Advice',
  functionalId: 'AR',
  version: '004010',
  notes: NOTES_5010,
  nodes: [
    m('W06'),
    nameLoop(10),
    o('N9', 10),
    o('G62', 5),
    o('NTE', -1),
    m('W27'),
    o('W10'),
    // Detail: one W04 loop per item shipped to the warehouse.
    loop('W04', 1, -1, [m('W04'), o('G69', 5), o('N9', 200), o('W20', 3), o('QTY', 10)]),
    m('W03'),
  ],
};

/** 944 Warehouse Stock Transfer Receipt Advice (GS01 RE). */
export const TS_944: X12SetStructure = {
  id: '944',
  name: 'Warehouse Stock Transfer Receipt Advice',
  functionalId: 'RE',
  version: '004010',
  notes: NOTES_5010,
  nodes: [
    m('W17'),
    nameLoop(10),
    o('N9', 10),
    o('G62', 5),
    o('NTE', -1),
    o('W08'),
    // Detail: the 004010 table wraps the W07 loop in an LX loop; both shapes are found in use.
    loop('LX', 0, -1, [m('LX'), loop('W07', 1, -1, receiptLine())]),
    loop('W07', 0, -1, receiptLine()),
    m('W14'),
  ],
};

function receiptLine(): X12StructureNode[] {
  return [m('W07'), o('G69', 5), o('N9', 200), o('W20', 3), o('QTY', 10), o('REF', 10)];
}

/** 945 Warehouse Shipping Advice (GS01 SW). */
export const TS_945: X12SetStructure = {
  id: '945',
  name: 'Warehouse Shipping Advice',
  functionalId: 'SW',
  version: '004010',
  notes: NOTES_5010,
  nodes: [
    m('W06'),
    nameLoop(10),
    o('N9', 30),
    o('G62', 10),
    m('W27'),
    o('W10'),
    lmLoop(),
    loop('LX', 1, -1, [
      m('LX'),
      o('MAN', -1),
      o('PAL'),
      o('N9', -1),
      loop('W12', 1, -1, [
        m('W12'),
        o('G69', 5),
        o('N9', 200),
        o('MAN', 10),
        o('QTY', 10),
        o('AMT'),
      ]),
    ]),
    m('W03'),
  ],
};
