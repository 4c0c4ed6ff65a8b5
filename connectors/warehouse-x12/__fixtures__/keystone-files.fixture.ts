/**
 * Files as Keystone Fulfillment drops them on SFTP, written for these tests from the X12
 * 004010 945, 846 and 997 layouts: ISA from Keystone (01 078123456) to TradeHub, `~` + CRLF.
 */
const pad = (value: string, width: number) => value.padEnd(width, ' ');

const isa = (isa13: string) =>
  `ISA*00*${pad('', 10)}*00*${pad('', 10)}*01*${pad('078123456', 15)}*ZZ*${pad('TRADEHUB', 15)}*250612*0830*U*00401*${isa13}*0*P*>`;

function interchange(control: number, functionalId: string, setId: string, body: string[]) {
  const isa13 = String(control).padStart(9, '0');
  const set = [`ST*${setId}*0001`, ...body];
  const segments = [
    isa(isa13),
    `GS*${functionalId}*KEYSTONE3PL*TRADEHUB*20250612*0830*${control}*X*004010`,
    ...set,
    `SE*${set.length + 1}*0001`,
    `GE*1*${control}`,
    `IEA*1*${isa13}`,
  ];
  return Buffer.from(segments.map((s) => `${s}~\r\n`).join(''), 'utf8');
}

/** A 945 shipping advice: the order shipped in full by UPS from Allentown, one carton per SKU. */
export function keystone945(o: {
  control: number;
  fulfillmentNo: string;
  orderNo: string;
  lines: Array<[sku: string, quantity: number]>;
}): Buffer {
  const cartons = o.lines.flatMap(([sku, quantity], i) => [
    `LX*${i + 1}`,
    `MAN*CP*1Z4E71F90342${String(7710 + i).padStart(6, '0')}`,
    `W12*CC*${quantity}*${quantity}*0*EA**VN*${sku}`,
  ]);
  return interchange(o.control, 'SW', '945', [
    `W06*F*${o.fulfillmentNo}*20250611*KSH-${o.control}**${o.orderNo}`,
    'N1*WH*KEYSTONE ALLENTOWN DC*91*ABE1',
    'N1*ST*DANA PRICE',
    'N3*52 CEDAR LN',
    'N4*LANCASTER*PA*17601*US',
    'G62*11*20250611*8*1715',
    'W27*U*UPSN*UPS GROUND*PP',
    ...cartons,
    `W03*${o.lines.reduce((n, [, q]) => n + q, 0)}*12.5*LB`,
  ]);
}

/** An 846 of Allentown: on hand (17) and committed (27) per SKU, as Keystone reports them. */
export function keystone846(o: {
  control: number;
  lines: Array<[sku: string, onHand: number, committed: number]>;
}): Buffer {
  const items = o.lines.flatMap(([sku, onHand, committed], i) => [
    `LIN*${i + 1}*VN*${sku}`,
    `QTY*17*${onHand}*EA`,
    `QTY*27*${committed}*EA`,
  ]);
  return interchange(o.control, 'IB', '846', [
    `BIA*00*DD*KSINV-${o.control}*20250612*0200`,
    'N1*WH*KEYSTONE ALLENTOWN DC*91*ABE1',
    ...items,
    `CTT*${o.lines.length}`,
  ]);
}

/**
 * Keystone's 997 for our 940 group `group` (GS06): accepted, or rejected with the W66 routing
 * SCAC it does not know (AK3 W66, AK4 element 10 = 140 code 7, AK5 R 5).
 */
export function keystone997(o: { control: number; group: string; accept: boolean }): Buffer {
  const verdict = o.accept
    ? ['AK5*A', 'AK9*A*1*1*1']
    : ['AK3*W66*8**8', 'AK4*10*140*7*ZZZZ', 'AK5*R*5', 'AK9*R*1*1*0'];
  return interchange(o.control, 'FA', '997', [`AK1*OW*${o.group}`, 'AK2*940*0001', ...verdict]);
}

/**
 * Keystone's TA1 for our interchange `interchange` (ISA13), alone in an interchange of its own:
 * accepted, or rejected with note 009 (unknown receiver id).
 */
export function keystoneTa1(o: { control: number; interchange: string; accept: boolean }): Buffer {
  const isa13 = String(o.control).padStart(9, '0');
  const answered = o.interchange.padStart(9, '0');
  const ta1 = `TA1*${answered}*250612*0815*${o.accept ? 'A*000' : 'R*009'}`;
  return Buffer.from([isa(isa13), ta1, `IEA*0*${isa13}`].map((s) => `${s}~\r\n`).join(''), 'utf8');
}
