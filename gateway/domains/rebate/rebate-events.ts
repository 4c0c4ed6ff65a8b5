/** The connector name on envelopes the rebate service publishes (through publishSettlementEvent). */
export const REBATE_CONNECTOR = 'rebate';
