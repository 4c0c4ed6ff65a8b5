import { evaluateOrigin, type OriginInput } from './origin';

// A kettle (8516.71) made in China. Values hand-computed below each case.
const kettle: OriginInput = {
  agreement: 'RCEP',
  exportingCountry: 'CN',
  hsCode: '851671',
  fobValue: '100.00',
  materials: [
    { description: 'heating element', hsCode: '851680', originCountry: 'DE', value: '30.00' },
    { description: 'plastic body', hsCode: '392690', originCountry: 'CN', value: '20.00' },
    { description: 'power cord', hsCode: '854442', value: '10.00' },
  ],
  directLabour: '15.00',
  directOverhead: '10.00',
  profit: '5.00',
};

describe('origin rules', () => {
  it('RVC: build-down (100 - 40) / 100 = 60%, build-up (20 + 15 + 10 + 5) / 100 = 50%', () => {
    // VNM = element 30 (DE, non-party) + cord 10 (undetermined) = 40; VOM = body 20.
    const answer = evaluateOrigin(kettle);
    expect(answer).toMatchObject({
      eligible: true,
      criterion: 'RVC40',
      rvcBuildDown: '60.00',
      rvcBuildUp: '50.00',
    });
    expect(answer.findings).toEqual([
      {
        rule: 'RVC40',
        met: true,
        reasoning: 'RVC build-down (100 - 40) / 100 = 60.00%, build-up 50.00%; 40% needed',
      },
      { rule: 'CTH', met: false, reasoning: 'heating element stay in heading 8516' },
      {
        rule: 'DE_MINIMIS',
        met: false,
        reasoning: 'heating element are 30.00% of FOB, above the 10% de minimis',
      },
    ]);
  });

  it('CTH saved by de minimis: 15 / 200 = 7.5% of FOB; RVC (200 - 130) / 200 = 35% fails', () => {
    const answer = evaluateOrigin({
      agreement: 'ACFTA',
      exportingCountry: 'CN',
      hsCode: '851671',
      fobValue: '200',
      materials: [
        { description: 'steel shell', hsCode: '732393', originCountry: 'US', value: '115' },
        { description: 'thermostat', hsCode: '851610', originCountry: 'US', value: '15' },
        // Vietnam is an ACFTA party: cumulation makes it originating (VOM).
        { description: 'switch', hsCode: '853650', originCountry: 'VN', value: '10' },
      ],
      directLabour: '20',
      directOverhead: '10',
      profit: '5',
    });
    // build-up = (10 + 20 + 10 + 5) / 200 = 22.50%
    expect(answer).toMatchObject({
      eligible: true,
      criterion: 'CTH',
      rvcBuildDown: '35.00',
      rvcBuildUp: '22.50',
    });
    expect(answer.findings.map((f) => [f.rule, f.met])).toEqual([
      ['RVC40', false],
      ['CTH', true],
      ['DE_MINIMIS', true],
    ]);
  });

  it('not eligible when neither RVC (100 - 70) / 100 = 30% nor CTH holds', () => {
    const answer = evaluateOrigin({
      ...kettle,
      materials: [{ description: 'base', hsCode: '851690', originCountry: 'US', value: '70' }],
      directLabour: undefined,
      directOverhead: undefined,
      profit: undefined,
    });
    expect(answer).toMatchObject({ eligible: false, rvcBuildDown: '30.00', rvcBuildUp: '0.00' });
  });

  it('wholly obtained goods qualify without materials', () => {
    const answer = evaluateOrigin({
      agreement: 'RCEP',
      exportingCountry: 'CN',
      hsCode: '080810',
      fobValue: '50',
      whollyObtained: true,
      materials: [],
      rules: ['WO'],
    });
    expect(answer).toMatchObject({ eligible: true, criterion: 'WO' });
  });

  it('textiles may use weight: trim 1.5 / 10 = 15% of FOB but 0.01 / 0.2 = 5% of weight', () => {
    const answer = evaluateOrigin({
      agreement: 'RCEP',
      exportingCountry: 'CN',
      hsCode: '610910',
      fobValue: '10',
      weightKg: '0.2',
      rules: ['CTH'],
      materials: [
        { description: 'cotton yarn', hsCode: '520512', originCountry: 'IN', value: '3' },
        {
          description: 'printed trim',
          hsCode: '610990',
          originCountry: 'US',
          value: '1.5',
          weightKg: '0.01',
        },
      ],
    });
    expect(answer.eligible).toBe(true);
    expect(answer.findings[1]).toEqual({
      rule: 'DE_MINIMIS',
      met: true,
      reasoning: 'printed trim are 15.00% of FOB, 5.00% of weight, within the 10% de minimis',
    });
  });

  it('a good made outside the agreement is not eligible whatever its content', () => {
    expect(evaluateOrigin({ ...kettle, exportingCountry: 'US' }).eligible).toBe(false);
  });
});
