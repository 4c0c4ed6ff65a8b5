import type { ComplianceAlert } from '../compliance.schema';

export const complianceAlert: ComplianceAlert = {
  alertId: 'CA-25-0113',
  kind: 'DENIED_PARTY',
  severity: 'BLOCK',
  raisedAt: '2025-03-03T09:16:02+08:00',
  checkpoint: 'order',
  subject: { partyName: 'Lakeside Home Goods Inc.', partyRole: 'BUYER', destinationCountry: 'US' },
  hits: [{ listSource: 'EL', matchedName: 'LAKESIDE HOME GOODS', score: 92, programs: ['EAR'] }],
  disposition: 'OPEN',
  message: 'buyer name matches an Entity List entry (score 92)',
  related: { orderNo: ['SO-2025-0417'], contractNo: ['HT25US017'] },
};
