import { readdirSync } from 'node:fs';
import { TradeError } from '../../core/errors/trade-error';
import { GOLDEN_DIR, mapFiling, sample } from './ceb-filings.testing';

const cases = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => f.replace('.xml', ''));

function mapError(xml: string): TradeError {
  try {
    mapFiling(xml);
  } catch (err) {
    return err as TradeError;
  }
  throw new Error('expected a mapping error');
}

/** The Inventory element of the CEB603 sample, twice, the first one changed by `edit`. */
function twoInventories(edit: (inventory: string) => string): string {
  const xml = sample('CEB603-inventory.xml');
  const inventory = / {2}<ceb:Inventory>[\s\S]*?<\/ceb:Inventory>\n/.exec(xml)![0];
  return xml.replace(inventory, edit(inventory) + inventory);
}

describe('CEB filings -> canonical documents (golden)', () => {
  it.each(cases)('maps %s as its .expected.json says', (name) => {
    const expected: unknown = JSON.parse(sample(`${name}.expected.json`));
    expect(mapFiling(sample(`${name}.xml`))).toEqual(expected);
  });

  it('never carries the payer or buyer national ID number', () => {
    for (const name of ['CEB411-payment', 'CEB621-inventory', 'CEB623-cancel']) {
      const xml = sample(`${name}.xml`);
      expect(xml).toContain('110101199001011234');
      expect(JSON.stringify(mapFiling(xml))).not.toContain('110101199001011234');
    }
  });

  it('keeps a customs country code it does not know, with a warning naming the field', () => {
    const xml = sample('CEB603-inventory.xml').replace(
      '<ceb:country>132</ceb:country>\n      <ceb:POD>',
      '<ceb:country>001</ceb:country>\n      <ceb:POD>',
    );
    const { documents, warnings } = mapFiling(xml);
    expect(documents[0].payload).toMatchObject({ country: { code: '001' } });
    expect((documents[0].payload as { country: object }).country).not.toHaveProperty('iso');
    expect(warnings).toEqual([
      '/CEB603Message/Inventory[1]/InventoryHead/country: country: "001" is not a known customs country code',
    ]);
  });

  it('leaves out a list with an unknown currency and still maps the others', () => {
    const xml = twoInventories((inv) =>
      inv.replace('<ceb:fCurrency>142</ceb:fCurrency>', '<ceb:fCurrency>999</ceb:fCurrency>'),
    );
    const { documents, warnings } = mapFiling(xml);
    expect(documents).toHaveLength(1);
    expect(warnings).toEqual([
      '/CEB603Message/Inventory[1]/InventoryHead/fCurrency: fCurrency: "999" is not a known customs currency code',
    ]);
  });

  it('fails, located by XPath, when no record can be read', () => {
    const err = mapError(
      sample('CEB505-waybill.xml').replace(
        '<ceb:packNo>1</ceb:packNo>',
        '<ceb:packNo>1.5</ceb:packNo>',
      ),
    );
    expect(err).toBeInstanceOf(TradeError);
    expect(err).toMatchObject({
      kind: 'mapping',
      location: { xpath: '/CEB505Message/Logistics[1]/packNo' },
    });
    expect(err.message).toMatch(/"1.5" is not a whole number/);
  });

  it('refuses an appStatus outside 1 and 2 at its field', () => {
    const err = mapError(
      sample('CEB403-receipt.xml').replace(
        '<ceb:appStatus>2</ceb:appStatus>',
        '<ceb:appStatus>9</ceb:appStatus>',
      ),
    );
    expect(err.location).toEqual({ xpath: '/CEB403Message/Receipts[1]/appStatus' });
  });

  it('names the missing head of a nested message', () => {
    const xml = sample('CEB701-summary.xml').replace(
      /<ceb:SummaryApplyList>[\s\S]*?<\/ceb:SummaryApplyList>\s*/g,
      '',
    );
    expect(mapError(xml).location).toEqual({
      xpath: '/CEB701Message/SummaryApply[1]/SummaryApplyList',
    });
  });

  it('reads a change filing as a CHANGE of the same record', () => {
    const xml = sample('CEB511-waybill.xml').replace(
      '<ceb:appType>1</ceb:appType>',
      '<ceb:appType>2</ceb:appType>',
    );
    expect(mapFiling(xml).documents[0].payload).toMatchObject({
      filing: { action: 'CHANGE', guid: '7B2E4C1A-0000-4000-8000-000000000511' },
    });
  });
});
