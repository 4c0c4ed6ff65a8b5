import type { ConnectorManifest } from '../core/connector/contract';
import { bankSftpManifest } from './bank-sftp/bank-sftp.manifest';
import { carrierDcsaManifest } from './carrier-dcsa/carrier-dcsa.manifest';
import { amazonManifest } from './commerce-amazon/amazon.manifest';
import { shopeeManifest } from './commerce-shopee/shopee.manifest';
import { carrierEdifactManifest } from './carrier-edifact/carrier-edifact.manifest';
import { customsSingleWindowManifest } from './customs-single-window/customs-single-window.manifest';
import { httpGenericManifest } from './http-generic/http-generic.manifest';
import { insurerSinosureManifest } from './insurer-sinosure/insurer-sinosure.manifest';
import { warehouseRestManifest } from './warehouse-rest/warehouse-rest.manifest';
import { warehouseX12Manifest } from './warehouse-x12/warehouse-x12.manifest';

/**
 * Every connector the gateway runs. A new connector is its folder plus one line here: the
 * gateway takes its pollers, transports, webhook verifier, mappings and settings schemas from
 * the manifest. The order is the mapping registration order (first mapping of a type wins).
 */
export const connectorManifests: readonly ConnectorManifest[] = [
  httpGenericManifest,
  carrierDcsaManifest,
  warehouseRestManifest,
  warehouseX12Manifest,
  carrierEdifactManifest,
  bankSftpManifest,
  customsSingleWindowManifest,
  shopeeManifest,
  amazonManifest,
  insurerSinosureManifest,
];
