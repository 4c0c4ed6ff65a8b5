import type { CustomsInventory } from '../../core/model/documents/customs-inventory.schema';
import { defined, person, type CebFields } from './ceb-fields';
import { cebDocument, cebFilingMapping, type CebDocument } from './ceb-records';

type Line = CustomsInventory['lines'][number];

function quantity(l: CebFields, qty: string, unit: string) {
  return { value: l.decimal(qty), unit: l.need(unit) };
}

function line(l: CebFields): Line {
  const currency = l.currency('currency');
  return defined({
    lineNo: l.int('gnum'),
    itemNo: l.opt('itemNo'),
    itemRecordNo: l.opt('itemRecordNo'),
    itemName: l.opt('itemName'),
    hsCode: l.need('gcode'),
    goodsName: l.need('gname'),
    declarationElements: l.need('gmodel'),
    // 无 (none) is how export lists fill the mandatory barCode of goods without one.
    barCode: l.opt('barCode') === '无' ? undefined : l.opt('barCode'),
    country: l.country('country'),
    quantity: quantity(l, 'qty', 'unit'),
    firstQuantity: quantity(l, 'qty1', 'unit1'),
    secondQuantity: l.opt('qty2') && l.opt('unit2') ? quantity(l, 'qty2', 'unit2') : undefined,
    unitPrice: l.money('price', currency),
    total: l.money('totalPrice', currency),
    remarks: l.opt('note'),
  });
}

/** What the export and the import list both carry. */
function common(h: CebFields) {
  return {
    filing: h.filing(),
    customsCode: h.need('customsCode'),
    portCode: h.need('portCode'),
    clientRef: h.opt('copNo'),
    preEntryId: h.opt('preNo'),
    inventoryNo: h.opt('invtNo'),
    orderNo: h.need('orderNo'),
    logisticsNo: h.need('logisticsNo'),
    supervisionMode: h.need('tradeMode'),
    platform: h.party('ebpCode', 'ebpName'),
    seller: h.party('ebcCode', 'ebcName'),
    carrier: h.party('logisticsCode', 'logisticsName'),
    agent: h.party('agentCode', 'agentName'),
    emsNo: h.opt('emsNo'),
    transportMode: h.need('trafMode'),
    voyageNo: h.opt('voyageNo'),
    blNo: h.opt('billNo'),
    locationCode: h.opt('loctNo'),
    licenseNo: h.opt('licenseNo'),
    country: h.country('country'),
    packageType: h.opt('wrapType'),
    packageCount: h.int('packNo'),
    grossWeightKg: h.decimal('grossWeight'),
    netWeightKg: h.decimal('netWeight'),
    remarks: h.opt('note'),
  };
}

/** CEB603 InventoryHead: freight and insurance each with their currency and mark. */
function exportHead(h: CebFields) {
  const mark = (name: string) => h.opt(name) as '1' | '2' | '3' | undefined;
  return {
    direction: 'EXPORT' as const,
    ieDate: h.date('ieDate'),
    statisticsFlag: h.opt('statisticsFlag') as 'A' | 'B' | undefined,
    owner: h.party('ownerCode', 'ownerName'),
    bondedWarehouse: h.optParty('iacCode', 'iacName'),
    conveyanceName: h.opt('trafName'),
    bagNo: h.opt('totalPackageNo'),
    destinationPort: h.opt('POD'),
    freight: { value: h.money('freight', h.currency('fCurrency')), mark: mark('fFlag') },
    insurance: { value: h.money('insuredFee', h.currency('iCurrency')), mark: mark('iFlag') },
  };
}

/** CEB621 InventoryHead: one currency, the buyer and the bonded area. */
function importHead(h: CebFields) {
  const currency = h.currency('currency');
  const buyer = person(h.need('buyerName'), h.opt('buyerTelephone'));
  return {
    direction: 'IMPORT' as const,
    ieDate: h.optDate('ieDate'),
    declarationDate: h.date('declTime'),
    // assureCode comes without a name field: the code stands for the name.
    guarantor: h.optParty('assureCode', 'assureCode'),
    buyer: { ...buyer, address: { lines: [h.need('consigneeAddress')], country: 'CN' as const } },
    bondedWarehouse: h.optParty('areaCode', 'areaName'),
    conveyanceName: h.opt('trafNo'),
    freight: { value: h.money('freight', currency) },
    insurance: { value: h.money('insuredFee', currency) },
  };
}

function inventory(block: CebFields, imported: boolean): CebDocument {
  const h = block.block('InventoryHead');
  const payload: CustomsInventory = defined({
    ...common(h),
    ...(imported ? importHead(h) : exportHead(h)),
    lines: block.blocks('InventoryList').map(line),
  });
  for (const key of ['freight', 'insurance'] as const) {
    if (payload[key]) payload[key] = defined(payload[key]);
  }
  return cebDocument('CustomsInventory', payload, payload.filing.filedAt);
}

/**
 * CEB603 export and CEB621 import lists (申报清单) -> CustomsInventory, one per Inventory
 * element. Customs country codes are kept as filed; one the code table does not know is a
 * warning naming the field, and the list still maps.
 */
export const cebInventoryMapping = cebFilingMapping(
  'cn-customs-inventory',
  { CEB603: 'Inventory', CEB621: 'Inventory' },
  (block, type) => inventory(block, type === 'CEB621'),
);
