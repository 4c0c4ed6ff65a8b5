import Decimal from 'decimal.js';

/**
 * Preferential origin under RCEP and the China-ASEAN FTA (Form E), primer §2: wholly obtained,
 * change of tariff classification (CC / CTH / CTSH), regional value content by build-down or
 * build-up, and the 10% de minimis for the CTC test. Pure: values in, reasoning out.
 */
export type Agreement = 'RCEP' | 'ACFTA';
export type OriginRule = 'WO' | 'CC' | 'CTH' | 'CTSH' | 'RVC40';

export interface Material {
  description: string;
  /** HS code of the material (6 digits or more). */
  hsCode: string;
  /** ISO country of origin, or undefined when not determined (counts as non-originating). */
  originCountry?: string;
  /** CIF value at import, or the earliest ascertainable price for local purchase. */
  value: string;
  weightKg?: string;
}

export interface OriginInput {
  agreement: Agreement;
  /** Country of final processing (the exporting Party). */
  exportingCountry: string;
  hsCode: string;
  fobValue: string;
  /** Wholly obtained or produced in the exporting Party (plants grown, minerals mined ...). */
  whollyObtained?: boolean;
  materials: Material[];
  /** Build-up cost parts besides originating materials (VOM). */
  directLabour?: string;
  directOverhead?: string;
  profit?: string;
  otherCost?: string;
  /** Product-specific rules that apply; any one met is enough. Default per agreement. */
  rules?: OriginRule[];
  /** Good's net weight, for the chapters 50-63 weight de minimis. */
  weightKg?: string;
}

export interface RuleFinding {
  rule: OriginRule | 'DE_MINIMIS';
  met: boolean;
  reasoning: string;
}

export interface OriginAnswer {
  eligible: boolean;
  criterion?: OriginRule;
  /** RVC in percent, 2 decimals, by build-down and build-up. */
  rvcBuildDown: string;
  rvcBuildUp: string;
  findings: RuleFinding[];
}

const PARTIES: Readonly<Record<Agreement, ReadonlySet<string>>> = {
  RCEP: new Set('AU BN KH CN ID JP KR LA MY MM NZ PH SG TH VN'.split(' ')),
  ACFTA: new Set('BN KH CN ID LA MY MM PH SG TH VN'.split(' ')),
};

/** RCEP's general PSR varies by line; ACFTA's general rule is RVC 40 or CTH (GACC 2019 No. 136). */
const DEFAULT_RULES: Readonly<Record<Agreement, OriginRule[]>> = {
  RCEP: ['RVC40', 'CTH'],
  ACFTA: ['RVC40', 'CTH'],
};

const DIGITS: Readonly<Record<'CC' | 'CTH' | 'CTSH', number>> = { CC: 2, CTH: 4, CTSH: 6 };
const NAMES = { CC: 'chapter', CTH: 'heading', CTSH: 'subheading' } as const;
const pct = (part: Decimal, whole: Decimal) => part.div(whole).times(100).toDecimalPlaces(2);

/** Cumulation (Art. 3.4): a material from any Party of the agreement counts as originating. */
function originating(m: Material, agreement: Agreement): boolean {
  return m.originCountry !== undefined && PARTIES[agreement].has(m.originCountry);
}

function rvc(input: OriginInput) {
  const fob = new Decimal(input.fobValue);
  const sum = (ms: Material[]) => ms.reduce((s, m) => s.plus(m.value), new Decimal(0));
  const vnm = sum(input.materials.filter((m) => !originating(m, input.agreement)));
  const vom = sum(input.materials.filter((m) => originating(m, input.agreement)));
  const costs = [input.directLabour, input.directOverhead, input.profit, input.otherCost]
    .filter((c): c is string => c !== undefined)
    .reduce((s, c) => s.plus(c), new Decimal(0));
  return {
    fob,
    vnm,
    buildDown: pct(fob.minus(vnm), fob),
    buildUp: pct(vom.plus(costs), fob),
  };
}

function ctc(input: OriginInput, rule: 'CC' | 'CTH' | 'CTSH', fob: Decimal): RuleFinding[] {
  const n = DIGITS[rule];
  const own = input.hsCode.slice(0, n);
  const stuck = input.materials.filter(
    (m) => !originating(m, input.agreement) && m.hsCode.slice(0, n) === own,
  );
  if (stuck.length === 0) {
    return [
      {
        rule,
        met: true,
        reasoning: `every non-originating material changes ${NAMES[rule]} from ${own}`,
      },
    ];
  }
  const names = stuck.map((m) => m.description).join(', ');
  const finding: RuleFinding = {
    rule,
    met: false,
    reasoning: `${names} stay in ${NAMES[rule]} ${own}`,
  };
  const value = stuck.reduce((s, m) => s.plus(m.value), new Decimal(0));
  const share = pct(value, fob);
  const textile = Number(input.hsCode.slice(0, 2)) >= 50 && Number(input.hsCode.slice(0, 2)) <= 63;
  const weight = stuck.reduce((s, m) => s.plus(m.weightKg ?? 0), new Decimal(0));
  const byWeight = textile && input.weightKg ? pct(weight, new Decimal(input.weightKg)) : undefined;
  const minimis = share.lte(10) || (byWeight !== undefined && byWeight.lte(10));
  const how =
    byWeight !== undefined
      ? `${share.toFixed(2)}% of FOB, ${byWeight.toFixed(2)}% of weight`
      : `${share.toFixed(2)}% of FOB`;
  return [
    { ...finding, met: minimis },
    {
      rule: 'DE_MINIMIS',
      met: minimis,
      reasoning: minimis
        ? `${names} are ${how}, within the 10% de minimis`
        : `${names} are ${how}, above the 10% de minimis`,
    },
  ];
}

/** Evaluates the product rules for a good; eligible when any one rule (or WO) is met. */
export function evaluateOrigin(input: OriginInput): OriginAnswer {
  const { fob, vnm, buildDown, buildUp } = rvc(input);
  const findings: RuleFinding[] = [];
  if (input.whollyObtained) {
    findings.push({
      rule: 'WO',
      met: true,
      reasoning: `wholly obtained in ${input.exportingCountry}`,
    });
  }
  for (const rule of input.rules ?? DEFAULT_RULES[input.agreement]) {
    if (rule === 'WO') {
      if (!input.whollyObtained)
        findings.push({ rule, met: false, reasoning: 'not wholly obtained' });
    } else if (rule === 'RVC40') {
      const best = Decimal.max(buildDown, buildUp);
      findings.push({
        rule,
        met: best.gte(40),
        reasoning: `RVC build-down (${fob.toFixed()} - ${vnm.toFixed()}) / ${fob.toFixed()} = ${buildDown.toFixed(2)}%, build-up ${buildUp.toFixed(2)}%; 40% needed`,
      });
    } else findings.push(...ctc(input, rule, fob));
  }
  const met = findings.find((f) => f.met && f.rule !== 'DE_MINIMIS');
  return {
    eligible: PARTIES[input.agreement].has(input.exportingCountry) && met !== undefined,
    criterion: met?.rule as OriginRule | undefined,
    rvcBuildDown: buildDown.toFixed(2),
    rvcBuildUp: buildUp.toFixed(2),
    findings,
  };
}
