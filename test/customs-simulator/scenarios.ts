/**
 * Receipt sequences the simulator answers with (see README.md in this folder). Each step is a
 * returnStatus and the minutes after submission it is dated; steps are written in list order,
 * so a step dated earlier than the one before it arrives late, out of order.
 */
export interface ReceiptStep {
  status: string;
  info: string;
  minutes: number;
}

export const SCENARIOS: Readonly<Record<string, readonly ReceiptStep[]>> = {
  accepted: [
    { status: '2', info: '新增申报成功', minutes: 0 },
    { status: '120', info: '入库成功', minutes: 1 },
    { status: '800', info: '放行', minutes: 2 },
  ],
  rejected: [
    { status: '2', info: '新增申报成功', minutes: 0 },
    { status: '100', info: '退单: 商品编码与申报要素不符', minutes: 1 },
  ],
  inspection: [
    { status: '2', info: '新增申报成功', minutes: 0 },
    { status: '120', info: '入库成功', minutes: 1 },
    { status: '500', info: '查验', minutes: 2 },
    { status: '800', info: '放行', minutes: 3 },
  ],
  late: [
    { status: '2', info: '新增申报成功', minutes: 0 },
    { status: '120', info: '入库成功', minutes: 1 },
    { status: '800', info: '放行', minutes: 3 },
    // The review notice of minute 2 arrives after the release.
    { status: '300', info: '人工审核', minutes: 2 },
  ],
  duplicated: [
    { status: '2', info: '新增申报成功', minutes: 0 },
    { status: '120', info: '入库成功', minutes: 1 },
    { status: '120', info: '入库成功', minutes: 1 },
    { status: '800', info: '放行', minutes: 2 },
  ],
  // Customs enters the list and says nothing more yet: for a cancellation before release.
  entered: [
    { status: '2', info: '新增申报成功', minutes: 0 },
    { status: '120', info: '入库成功', minutes: 1 },
  ],
  // The exchange takes the file and customs never answers: for the overdue-receipt alert.
  silent: [],
  'out-of-order': [
    { status: '800', info: '放行', minutes: 2 },
    { status: '2', info: '新增申报成功', minutes: 0 },
    { status: '120', info: '入库成功', minutes: 1 },
  ],
};

export type ScenarioName = keyof typeof SCENARIOS;

/**
 * The scenario for a message: named by a marker in its business key (orderNo, copNo,
 * logisticsNo), e.g. `SO-REJECTED-1` -> rejected; otherwise `accepted`.
 */
export function scenarioFor(keys: string[]): ScenarioName {
  const text = keys.join(' ').toLowerCase();
  const named = Object.keys(SCENARIOS)
    .filter((name) => name !== 'accepted')
    .find((name) => text.includes(name));
  return named ?? 'accepted';
}
