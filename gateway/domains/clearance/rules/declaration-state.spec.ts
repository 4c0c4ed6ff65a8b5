import type { DeclarationReceipt } from '../../../../core/model/documents/customs-declaration.schema';
import {
  applyReceipt,
  declare,
  type DeclarationProgress,
  type DeclarationState,
} from './declaration-state';

const GUID = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
const receipt = (
  outcome: DeclarationReceipt['outcome'],
  minute: number,
  extra: Partial<DeclarationReceipt> = {},
): DeclarationReceipt => ({
  messageType: 'CEB603',
  guid: GUID,
  returnStatus: '0',
  returnStatusMeaning: outcome.toLowerCase(),
  outcome,
  returnTime: `2026-03-15T10:${String(minute).padStart(2, '0')}:00+08:00`,
  ...extra,
});

/** Runs receipts in arrival order from a fresh submission; returns the state after each. */
function run(...receipts: DeclarationReceipt[]): DeclarationState[] {
  let progress: DeclarationProgress = declare({ state: 'DRAFT' }, GUID);
  return receipts.map((r) => {
    const decision = applyReceipt(progress, r);
    if (decision.applied) progress = decision.progress;
    return progress.state;
  });
}

describe('declaration state machine', () => {
  it.each<[string, DeclarationReceipt[], DeclarationState[]]>([
    [
      'accepted, released, closed',
      [
        receipt('PROCESSING', 1),
        receipt('ENTERED', 2),
        receipt('RELEASED', 3),
        receipt('CLOSED', 4),
      ],
      ['DECLARED', 'ENTERED', 'RELEASED', 'CLOSED'],
    ],
    [
      'review then inspection then release',
      [
        receipt('ENTERED', 1),
        receipt('REVIEW', 2),
        receipt('INSPECTION', 3),
        receipt('RELEASED', 4),
      ],
      ['ENTERED', 'REVIEWED', 'INSPECTION', 'RELEASED'],
    ],
    [
      'released arrives before accepted (out of order): accepted is ignored',
      [receipt('RELEASED', 5), receipt('ENTERED', 2)],
      ['RELEASED', 'RELEASED'],
    ],
    [
      'duplicated receipt changes nothing the second time',
      [receipt('ENTERED', 1), receipt('ENTERED', 1)],
      ['ENTERED', 'ENTERED'],
    ],
    [
      'rejected goes back to draft',
      [receipt('ENTERED', 1), receipt('REJECTED', 2, { returnInfo: '商品编码错误' })],
      ['ENTERED', 'DRAFT'],
    ],
    [
      'a late rejection after release is ignored',
      [receipt('RELEASED', 3), receipt('REJECTED', 4)],
      ['RELEASED', 'RELEASED'],
    ],
    [
      'a receipt older than the current state is late and ignored',
      [receipt('INSPECTION', 5), receipt('REJECTED', 4)],
      ['INSPECTION', 'INSPECTION'],
    ],
    [
      'detention holds like inspection',
      [receipt('ENTERED', 1), receipt('DETAINED', 2)],
      ['ENTERED', 'INSPECTION'],
    ],
  ])('%s', (_name, receipts, states) => {
    expect(run(...receipts)).toEqual(states);
  });

  it('a cancelling or cancelled declaration is no longer moved by its list receipts', () => {
    for (const state of ['CANCELLING', 'CANCELLED'] as const) {
      const progress: DeclarationProgress = { state, submissionGuid: GUID };
      expect(applyReceipt(progress, receipt('RELEASED', 5))).toEqual({
        applied: false,
        why: `0 would not move ${state} forward`,
      });
      expect(applyReceipt(progress, receipt('REJECTED', 5))).toEqual({
        applied: false,
        why: `REJECTED after ${state} ignored`,
      });
    }
  });

  it('keeps the rejection reason', () => {
    const progress = declare({ state: 'DRAFT' }, GUID);
    const decision = applyReceipt(progress, receipt('REJECTED', 2, { returnInfo: '商品编码错误' }));
    expect(decision).toEqual({
      applied: true,
      previous: 'DECLARED',
      progress: { state: 'DRAFT', stateAt: '2026-03-15T10:02:00+08:00', reason: '商品编码错误' },
    });
  });

  it('ignores a receipt for an earlier submission', () => {
    const progress = declare({ state: 'DRAFT' }, GUID);
    expect(applyReceipt(progress, receipt('RELEASED', 1, { guid: 'OLD' }))).toEqual({
      applied: false,
      why: 'receipt answers an earlier submission OLD',
    });
  });
});
