export { DCSA_TNT_EVENTS, dcsaTntEventsMapping } from './tnt-events.mapping';
