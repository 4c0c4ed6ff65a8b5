import type { PaymentStatusReport } from '../../../../core/model/documents/banking-payment.schema';
import type { InstructionStatus } from '../instruction.repository';

export interface TransferStatus {
  endToEndId: string;
  status: InstructionStatus;
  code?: string;
  reasons?: Array<{ code?: string; text?: string }>;
}

/**
 * The status of each transfer a pain.002 names: its own status, else its payment block's,
 * else the group's (a group RJCT rejects every transfer it does not list as accepted).
 */
export function statusesOf(report: PaymentStatusReport): TransferStatus[] {
  return report.payments.flatMap((payment) =>
    payment.transactions.flatMap((t) => {
      const source = t.outcome ? t : payment.outcome ? payment : report;
      if (!t.endToEndId || !source.outcome) return [];
      return [
        {
          endToEndId: t.endToEndId,
          status: source.outcome,
          ...(source.statusCode ? { code: source.statusCode } : {}),
          ...(source.reasons ? { reasons: source.reasons } : {}),
        },
      ];
    }),
  );
}
