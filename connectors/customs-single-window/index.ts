export { customsSingleWindowManifest } from './customs-single-window.manifest';
export * from './exchange-factory';
export * from './folder-exchange';
export * from './sftp-exchange';
export * from './single-window.client';
export * from './submission-tracker';
