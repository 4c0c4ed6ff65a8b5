export { customsSingleWindowManifest } from './customs-single-window.manifest';
export * from './folder-exchange';
export * from './single-window.client';
export * from './submission-tracker';
