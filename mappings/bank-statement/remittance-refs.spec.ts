import { referencedDocuments } from './remittance-refs';

describe('references in remittance text', () => {
  it.each([
    ['INVOICE INV-2025-0117 PO-88120', ['INV-2025-0117'], ['PO-88120'], undefined],
    ['INVOICE NO. HT25-INV-0091 ORDER 2025-417', ['HT25-INV-0091'], ['2025-417'], undefined],
    ['PAYMENT FOR INV: 7781/A', ['7781/A'], [], undefined],
    ['L/C NO. LC-TH-2025-0042 DRAWING', [], [], 'LC-TH-2025-0042'],
    ['RECHNUNG NR 4711 BESTELLUNG 0815', ['4711'], ['0815'], undefined],
    // Words that merely contain a keyword, and labels without digits, are not references.
    ['INVENTORY ADJUSTMENT POLICY CREDIT NOTE', [], [], undefined],
    ['SALARY MARCH', [], [], undefined],
    // SWIFT :70: codes: /INV/ number, /ROC/ the ordering customer's reference.
    ['/INV/INV-2025-0117 B/L COSU6182736450', ['INV-2025-0117'], [], undefined],
  ])('%s', (text, invoiceNos, orderNos, lcNo) => {
    const refs = referencedDocuments(text);
    expect(refs.invoiceNos).toEqual(invoiceNos);
    expect(refs.orderNos).toEqual(orderNos);
    expect(refs.lcNo).toBe(lcNo);
  });
});
