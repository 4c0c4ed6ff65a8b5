import type { DeclarationReceipt } from '../../../../core/model/documents/customs-declaration.schema';

/** 暂存 draft -> 申报 declared -> 入库 entered (120) -> review (300/399) / inspection (500) ->
 *  released (800) -> closed (899); a rejection (100) returns the declaration to draft. */
export type DeclarationState =
  | 'DRAFT'
  | 'DECLARED'
  | 'ENTERED'
  | 'REVIEWED'
  | 'INSPECTION'
  | 'RELEASED'
  | 'CLOSED'
  /** The order was cancelled and its list withdrawal (CEB605) is sent or waits for invtNo. */
  | 'CANCELLING'
  /** The order was cancelled: nothing was filed, or customs accepted the withdrawal. */
  | 'CANCELLED';

export interface DeclarationProgress {
  state: DeclarationState;
  /** The guid of the submission receipts are expected for (the latest one sent). */
  submissionGuid?: string;
  /** returnTime of the receipt that set the state. */
  stateAt?: string;
  /** Why the declaration is back in draft, from the rejecting receipt. */
  reason?: string;
}

export type ReceiptDecision =
  | { applied: true; progress: DeclarationProgress; previous: DeclarationState }
  | { applied: false; why: string };

/** How far along each state is: a receipt may only move a declaration forward. */
const RANK: Readonly<Record<DeclarationState, number>> = {
  DRAFT: 0,
  DECLARED: 1,
  ENTERED: 2,
  REVIEWED: 3,
  INSPECTION: 4,
  RELEASED: 5,
  CLOSED: 6,
  // After a cancellation the list's own receipts no longer move the declaration.
  CANCELLING: 7,
  CANCELLED: 8,
};

const TARGET: Readonly<Partial<Record<DeclarationReceipt['outcome'], DeclarationState>>> = {
  PROCESSING: 'DECLARED',
  ENTERED: 'ENTERED',
  REVIEW: 'REVIEWED',
  INSPECTION: 'INSPECTION',
  DETAINED: 'INSPECTION',
  RELEASED: 'RELEASED',
  CLOSED: 'CLOSED',
};

/** Outcomes that send a declaration back to draft: customs rejected or returned it, or E-Port
 *  could not process it. */
const BACK_TO_DRAFT = new Set<DeclarationReceipt['outcome']>(['REJECTED', 'RETURNED', 'ERROR']);

/** Marks a declaration as sent: receipts for this submission are now expected. */
export function declare(progress: DeclarationProgress, guid: string): DeclarationProgress {
  if (progress.state !== 'DRAFT') throw new Error(`cannot declare from ${progress.state}`);
  return { state: 'DECLARED', submissionGuid: guid };
}

/**
 * Applies a receipt. States never regress: a receipt for an earlier submission, one older than
 * the receipt that set the current state, or one pointing to an earlier state is ignored with
 * the reason. A rejection counts only before release.
 */
export function applyReceipt(
  progress: DeclarationProgress,
  receipt: DeclarationReceipt,
): ReceiptDecision {
  if (progress.state === 'DRAFT') return { applied: false, why: 'declaration is not submitted' };
  if (receipt.guid && progress.submissionGuid && receipt.guid !== progress.submissionGuid)
    return { applied: false, why: `receipt answers an earlier submission ${receipt.guid}` };
  if (progress.stateAt && Date.parse(receipt.returnTime) < Date.parse(progress.stateAt))
    return { applied: false, why: `late receipt of ${receipt.returnTime}` };
  const previous = progress.state;
  if (BACK_TO_DRAFT.has(receipt.outcome)) {
    if (RANK[previous] >= RANK.RELEASED)
      return { applied: false, why: `${receipt.outcome} after ${previous} ignored` };
    const reason = receipt.returnInfo ?? receipt.returnStatusMeaning;
    return {
      applied: true,
      previous,
      progress: { state: 'DRAFT', stateAt: receipt.returnTime, reason },
    };
  }
  const target = TARGET[receipt.outcome];
  if (!target || RANK[target] <= RANK[previous])
    return { applied: false, why: `${receipt.returnStatus} would not move ${previous} forward` };
  return {
    applied: true,
    previous,
    progress: {
      state: target,
      submissionGuid: progress.submissionGuid,
      stateAt: receipt.returnTime,
    },
  };
}
