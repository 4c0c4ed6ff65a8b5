// US 3PL warehouses over X12 files on SFTP (see README.md).
export { warehouseX12Manifest } from './warehouse-x12.manifest';
export { warehouseX12Formats, warehouseX12PartnerRecord } from './warehouse-partner';
