/** Injection tokens for the plain (Nest-free) objects the app is built from. */
export const CONFIG = Symbol('AppConfig');
export const PG_POOL = Symbol('PgPool');
export const LOGGER = Symbol('Logger');
export const FORMAT_REGISTRY = Symbol('FormatRegistry');
export const MIGRATIONS = Symbol('Migrations');
/** The ConnectorCatalog built from the connector manifests (connectors/registry.ts). */
export const CONNECTOR_CATALOG = Symbol('ConnectorCatalog');
