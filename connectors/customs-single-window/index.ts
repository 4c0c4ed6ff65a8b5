export { customsSingleWindowManifest } from './customs-single-window.manifest';
export * from './customs-outbound';
export * from './folder-exchange';
export * from './folder-transport';
export * from './single-window.client';
export * from './submission-tracker';
