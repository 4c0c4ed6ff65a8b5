import { getCountry, getTimezone } from 'countries-and-timezones';

/**
 * UN/LOCODE -> IANA time zone, for partners that write local times of the event's place.
 *
 * No package maps UN/LOCODEs to zones, and a table built from the official UN/LOCODE
 * coordinates (about 116 000 places) would be megabytes. So:
 * 1. the country (first two letters) -> its zones from `countries-and-timezones` (kept up to
 *    date by upgrading the package, which follows the IANA tz database); a country whose zones
 *    all keep the same offsets (Germany's Berlin/Busingen, China's Shanghai/Urumqi as the
 *    package lists them) is treated as having one zone;
 * 2. in a country with several offsets (US, CA, MX, BR, RU, AU, ID, ES, PT, CL, EC, KZ ...),
 *    the place must be in PORT_ZONES below: the main ports, rail ramps and hubs. A place of
 *    such a country that is not listed has no zone; the caller falls back to the partner's
 *    zone with a warning naming the place, so an operator can add it here.
 */
export const PORT_ZONES: Readonly<Record<string, string>> = {
  // United States: West Coast, Gulf/Midwest, East Coast, Mountain, Alaska, Hawaii.
  ...zoneOf('America/Los_Angeles', 'USLAX USLGB USOAK USSEA USTIW USPDX USSFO USSTK USSAC'),
  ...zoneOf('America/Chicago', 'USHOU USMOB USMSY USNOL USCHI USMEM USDAL USDFW USKCK USSTL USGLS USCRP USFRP USMKE USMSP USWOQ USJOT'),
  ...zoneOf('America/New_York', 'USNYC USEWR USSAV USCHS USORF USBAL USPHL USBOS USJAX USMIA USPEF USILM USWIL USATL USCMH USSYR USPIT USCLT USTPA'),
  ...zoneOf('America/Detroit', 'USDET'),
  ...zoneOf('America/Denver', 'USDEN USSLC USELP'),
  ...zoneOf('America/Phoenix', 'USPHX'),
  ...zoneOf('America/Anchorage', 'USANC'),
  ...zoneOf('Pacific/Honolulu', 'USHNL'),
  // Canada.
  ...zoneOf('America/Vancouver', 'CAVAN CAPRR CADEL'),
  ...zoneOf('America/Edmonton', 'CACAL CAEDM'),
  ...zoneOf('America/Winnipeg', 'CAWNP'),
  ...zoneOf('America/Toronto', 'CATOR CAMTR CAQUE CAOTT'),
  ...zoneOf('America/Halifax', 'CAHAL CASJB'),
  // Mexico.
  ...zoneOf('America/Mexico_City', 'MXZLO MXLZC MXVER MXATM MXMEX MXGDL MXMTY MXTAM'),
  ...zoneOf('America/Tijuana', 'MXESE MXTIJ'),
  ...zoneOf('America/Hermosillo', 'MXGYM'),
  ...zoneOf('America/Mazatlan', 'MXMZT'),
  // Brazil.
  ...zoneOf('America/Sao_Paulo', 'BRSSZ BRRIG BRPNG BRITJ BRIOA BRRIO BRSFS BRVIX BRSPB BRITG BRSAO'),
  ...zoneOf('America/Manaus', 'BRMAO'),
  ...zoneOf('America/Recife', 'BRSUA BRREC'),
  ...zoneOf('America/Fortaleza', 'BRFOR BRPEC'),
  ...zoneOf('America/Belem', 'BRBEL BRVDC'),
  // Russia.
  ...zoneOf('Europe/Moscow', 'RUMOW RULED RUNVS RUULU RUTUA RUARH'),
  ...zoneOf('Europe/Kaliningrad', 'RUKGD'),
  ...zoneOf('Asia/Vladivostok', 'RUVVO RUVYP RUNJK'),
  ...zoneOf('Asia/Novosibirsk', 'RUOVB'),
  ...zoneOf('Asia/Yekaterinburg', 'RUYEK'),
  // Australia.
  ...zoneOf('Australia/Sydney', 'AUSYD AUBTB AUNTL AUPKL'),
  ...zoneOf('Australia/Melbourne', 'AUMEL AUGEX'),
  ...zoneOf('Australia/Brisbane', 'AUBNE AUTSV AUGLT'),
  ...zoneOf('Australia/Adelaide', 'AUADL'),
  ...zoneOf('Australia/Perth', 'AUFRE AUPER AUPHE'),
  ...zoneOf('Australia/Darwin', 'AUDRW'),
  ...zoneOf('Australia/Hobart', 'AUHBA AUBWT'),
  // Indonesia.
  ...zoneOf('Asia/Jakarta', 'IDJKT IDTPP IDSRG IDSUB IDBLW IDPNK IDPLM'),
  ...zoneOf('Asia/Makassar', 'IDMAK IDBPN IDBDJ IDBTM'),
  ...zoneOf('Asia/Jayapura', 'IDDJJ'),
  // Spain and Portugal with their Atlantic islands.
  ...zoneOf('Europe/Madrid', 'ESALG ESVLC ESBCN ESBIO ESMAD ESSVQ ESCAR ESTAR ESVGO'),
  ...zoneOf('Atlantic/Canary', 'ESLPA ESSCT'),
  ...zoneOf('Europe/Lisbon', 'PTLIS PTSIE PTLEI PTSET PTFNC'),
  ...zoneOf('Atlantic/Azores', 'PTPDL'),
  // Chile, Ecuador (Galapagos apart), Kazakhstan, Mongolia, New Zealand (Chatham apart).
  ...zoneOf('America/Santiago', 'CLSAI CLVAP CLSCL CLSVE CLARI CLIQQ'),
  ...zoneOf('America/Guayaquil', 'ECGYE ECUIO ECPSJ'),
  ...zoneOf('Asia/Almaty', 'KZALA KZKZO KZAKX'),
  ...zoneOf('Asia/Ulaanbaatar', 'MNULN'),
  ...zoneOf('Pacific/Auckland', 'NZAKL NZTRG NZLYT NZWLG NZPOE'),
}; // prettier-ignore

/**
 * Countries with several zones in the package where every port keeps one legal time: China
 * runs on Beijing time (Urumqi's +06 is local custom), Ukraine's Simferopol zone and Congo's
 * Lubumbashi are no ports, Papua New Guinea's Bougainville neither.
 */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  CN: 'Asia/Shanghai',
  UA: 'Europe/Kyiv',
  CD: 'Africa/Kinshasa',
  PG: 'Pacific/Port_Moresby',
};

function zoneOf(zone: string, places: string): Record<string, string> {
  return Object.fromEntries(places.split(' ').map((p) => [p, zone]));
}

const sameOffsets = (zones: readonly string[]): boolean => {
  const keys = zones.map((z) => {
    const tz = getTimezone(z);
    return tz ? `${tz.utcOffset}/${tz.dstOffset}` : z;
  });
  return keys.every((k) => k === keys[0]);
};

/** The IANA zone of a UN/LOCODE, or undefined when its country has several and it is not listed. */
export function zoneOfLocode(unLocode: string): string | undefined {
  const code = unLocode.replace(/\s+/g, '').toUpperCase();
  const listed = PORT_ZONES[code];
  if (listed) return listed;
  if (COUNTRY_ZONES[code.slice(0, 2)]) return COUNTRY_ZONES[code.slice(0, 2)];
  const zones = getCountry(code.slice(0, 2))?.timezones ?? [];
  return zones.length > 0 && sameOffsets(zones) ? zones[0] : undefined;
}
