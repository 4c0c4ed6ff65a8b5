/**
 * Carrier files as Sino Ocean Lines would drop them on SFTP (written for these tests from the
 * D.99B IFTSTA layout): a status report on two containers gated in full at Shanghai.
 */
export const IFTSTA_CONTAINERS = ['SNLU5519024', 'TGHU8701350'];

export interface IftstaOptions {
  /** UNT count to write instead of the right one (a malformed interchange). */
  untCount?: number;
  /** STS event code of the second container (an unknown one fails the mapping). */
  secondStatus?: string;
}

/** An IFTSTA interchange with control reference `ref`, one segment per line. */
export function sinoIftsta(ref: string, options: IftstaOptions = {}): Buffer {
  const container = (no: string, status: string, time: string) => [
    `STS+1+${status}'`,
    `RFF+EQ:${no}'`,
    `DTM+334:${time}:203'`,
    `LOC+175+CNSHA:139:6:SHANGHAI+YSCT:TER:ZZZ'`,
    `EQD+CN+${no}+42G1:102:5+++5'`,
  ];
  const body = [
    `UNH+1+IFTSTA:D:99B:UN'`,
    `BGM+23+SNLSTA${ref}+9'`,
    `DTM+137:202506120815:203'`,
    `NAD+CA+SNOL:172:182'`,
    `RFF+BN:SNL2506050013'`,
    `CNI+1+SNLSHA25060031'`,
    ...container(IFTSTA_CONTAINERS[0], 'I', '202506110930'),
    ...container(IFTSTA_CONTAINERS[1], options.secondStatus ?? 'I', '202506111045'),
  ];
  const unt = `UNT+${options.untCount ?? body.length + 1}+1'`;
  const lines = [
    `UNA:+.? '`,
    `UNB+UNOC:3+SINOLINES:ZZZ+TRADEHUBCN:ZZZ+250612:0815+${ref}'`,
    ...body,
    unt,
    `UNZ+1+${ref}'`,
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'latin1');
}
