/**
 * X12 time code (data element 623, e.g. AT707, G6206): the zone of the date and time before it.
 * "Time" codes (ET, CT ...) follow daylight saving, so they are the IANA zone; "standard" and
 * "daylight" codes are fixed offsets. LT (local time) is not a zone: the caller reads it in
 * the partner's convention. Codes 01-24 (hour offsets) are not used by US carriers and are left
 * to the partner's zone with a warning.
 */
const TIME_CODES: Readonly<Record<string, string>> = {
  UT: 'UTC',
  GM: 'UTC',
  ET: 'America/New_York',
  ES: '-05:00',
  ED: '-04:00',
  CT: 'America/Chicago',
  CS: '-06:00',
  CD: '-05:00',
  MT: 'America/Denver',
  MS: '-07:00',
  MD: '-06:00',
  PT: 'America/Los_Angeles',
  PS: '-08:00',
  PD: '-07:00',
  AT: 'America/Anchorage',
  AS: '-09:00',
  AD: '-08:00',
  HT: 'Pacific/Honolulu',
  HS: '-10:00',
  HD: '-09:00',
  TT: 'America/Halifax',
  TS: '-04:00',
  TD: '-03:00',
  NT: 'America/St_Johns',
  NS: '-03:30',
  ND: '-02:30',
};

/** The zone a time code names; undefined for LT, an empty element or an unknown code. */
export function zoneOfTimeCode(code: string | undefined): string | undefined {
  return code ? TIME_CODES[code] : undefined;
}
