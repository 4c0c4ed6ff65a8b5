export const PARTNER_REGISTRY = Symbol('PartnerRegistry');
export const MESSAGE_INTAKE = Symbol('MessageIntake');
