export * from './ceb-values';
export * from './ceb303.writer';
export * from './ceb-export.writers';
export * from './ceb-import.writers';
export * from './ceb-signer';
export * from './ceb-validate';
export * from './ceb-prepare';
export { xpathAtLine } from './ceb-xpath';
export * from './declaration.writer';
