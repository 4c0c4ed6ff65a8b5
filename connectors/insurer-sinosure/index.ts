export * from './sinosure-api';
export { SinosureClient } from './sinosure.client';
export { SinosureSettingsSchema, type SinosureSettings } from './sinosure-settings.schema';
export { insurerSinosureManifest } from './insurer-sinosure.manifest';
