/** SWIFT MT syntax layer: blocks, fields, sub-fields, writer. */
export { swiftMtCodec, detectMt, decodeMtMessages } from './mt.codec';
export { parseMt, messageRefOf } from './mt.parser';
export { serializeMt, serializeMtMessage, formatFieldText, buildFields } from './mt.writer';
export { buildMtMessage, type MtMessageSpec } from './mt-message.builder';
export { inferMessageType } from './mt-message-type';
export { fieldParser } from './fields';
export type { Balance, StatementLine } from './fields/statement.fields';
export { LINE_FORMATS } from './mt-field.formats';
export * from './mt.types';
