/** ANSI X12 syntax layer: parse, structure, serialize, acknowledge, stream. */
export { x12Codec, createX12Codec, detectX12, decodeX12Messages } from './x12.codec';
export { parseX12, decodeX12, allIssues } from './x12.parser';
export type { X12ReadOptions } from './x12-envelope.reader';
export { serializeX12, serializeSegment, serializeSet } from './x12.serializer';
export { buildInterchange, seg } from './x12-interchange.builder';
export type { X12InterchangeSpec, X12GroupSpec, X12SetSpec } from './x12-interchange.builder';
export { build997, type Ack997Options } from './x12-ack.generator';
export { decodeX12Stream, type X12StreamOptions } from './x12-stream.decoder';
export * from './x12-tree';
export * from './x12.types';
export { structureFor } from './structure';
export type { X12SetStructure, X12StructureNode } from './structure';
