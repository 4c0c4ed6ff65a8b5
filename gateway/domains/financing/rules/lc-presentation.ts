import { addDays } from '../../calendar-days';
import { insuranceChecks } from './lc-insurance';
import { amountChecks, quantityChecks } from './lc-tolerance';
import { transportChecks } from './lc-transport';
import {
  norm,
  shipmentDate,
  type Check,
  type Discrepancy,
  type LcCheckInput,
  type Presentation,
} from './lc-types';

export type { Discrepancy, LcCheckInput, Presentation } from './lc-types';

const expiry: Check = ({ lc, presentation: p }) => {
  const out: Discrepancy[] = [];
  if (p.presentedOn > lc.expiryDate) {
    out.push({
      code: 'CREDIT_EXPIRED',
      article: '6(d)(i)',
      field: '31D',
      message: `presented ${p.presentedOn}, after expiry ${lc.expiryDate}`,
    });
  }
  if (p.place && !norm(lc.expiryPlace).includes(norm(p.place))) {
    out.push({
      code: 'WRONG_PLACE',
      article: '6(d)(ii)',
      field: '31D',
      message: `presented in ${p.place}, the credit expires in ${lc.expiryPlace}`,
    });
  }
  return out;
};

const presentationPeriod: Check = ({ lc, presentation: p }) => {
  const shipped = shipmentDate(p);
  if (!shipped) return [];
  const days = lc.presentationPeriodDays ?? 21;
  const last = addDays(shipped, days);
  if (p.presentedOn <= last) return [];
  return [
    {
      code: 'LATE_PRESENTATION',
      article: '14(c)',
      field: lc.presentationPeriodDays ? '48' : undefined,
      message: `presented ${p.presentedOn}, more than ${days} days after shipment on ${shipped}`,
    },
  ];
};

const latestShipment: Check = ({ lc, presentation: p }) => {
  const shipped = shipmentDate(p);
  if (!shipped || !lc.latestShipmentDate || shipped <= lc.latestShipmentDate) return [];
  return [
    {
      code: 'LATE_SHIPMENT',
      article: '20(a)(ii)',
      field: '44C',
      message: `shipped on board ${shipped}, after the latest shipment date ${lc.latestShipmentDate}`,
    },
  ];
};

/** Keywords of 46A that name each document this check knows. */
const REQUIRED: Array<[RegExp, string, (p: Presentation) => boolean]> = [
  [/COMMERCIAL INVOICE|\bINVOICE/, 'commercial invoice', (p) => p.invoices.length > 0],
  [/BILL.? OF LADING|\bB\/L\b/, 'bill of lading', (p) => p.billsOfLading.length > 0],
  [/PACKING LIST/, 'packing list', (p) => p.packingList !== undefined],
  [/INSURANCE/, 'insurance document', (p) => p.insurance !== undefined],
  [/ORIGIN/, 'certificate of origin', (p) => p.certificateOfOrigin !== undefined],
];

const documentsPresented: Check = ({ lc, presentation: p }) =>
  REQUIRED.filter(([re]) => lc.documentsRequired.some((d) => re.test(norm(d))))
    .filter(([, , present]) => !present(p))
    .map(([, name]) => ({
      code: 'DOCUMENT_MISSING',
      article: '14(a)',
      field: '46A',
      message: `the credit requires a ${name}; none was presented`,
    }));

const invoiceChecks: Check = ({ lc, presentation: p }) =>
  p.invoices.flatMap((inv) => {
    const out: Discrepancy[] = [];
    const issue = (code: string, article: string, message: string, field?: string) =>
      out.push({ code, article, field, message: `invoice ${inv.invoiceNo}: ${message}` });
    if (norm(inv.seller.name) !== norm(lc.beneficiary.name)) {
      issue('INVOICE_NOT_BY_BENEFICIARY', '18(a)(i)', `issued by ${inv.seller.name}`, '59');
    }
    if (norm(inv.buyer.name) !== norm(lc.applicant.name)) {
      issue('INVOICE_NOT_TO_APPLICANT', '18(a)(ii)', `made out to ${inv.buyer.name}`, '50');
    }
    if (inv.currency !== lc.amount.currency) {
      issue(
        'INVOICE_CURRENCY',
        '18(a)(iii)',
        `in ${inv.currency}, the credit is in ${lc.amount.currency}`,
        '32B',
      );
    }
    if (inv.issueDate > p.presentedOn) {
      issue('DATED_AFTER_PRESENTATION', '14(i)', `dated ${inv.issueDate}, after presentation`);
    }
    const goods = norm(lc.goodsDescription);
    for (const line of inv.lines.filter((l) => !goods.includes(norm(l.description)))) {
      issue(
        'DESCRIPTION_MISMATCH',
        '18(c)',
        `line ${line.lineNo} "${line.description}" does not correspond to 45A`,
        '45A',
      );
    }
    return out;
  });

const CHECKS: readonly Check[] = [
  expiry,
  latestShipment,
  presentationPeriod,
  documentsPresented,
  invoiceChecks,
  amountChecks,
  quantityChecks,
  transportChecks,
  insuranceChecks,
];

/** Examines a presentation against the credit; an empty list is a complying presentation. */
export function examinePresentation(input: LcCheckInput): Discrepancy[] {
  return CHECKS.flatMap((check) => check(input));
}
