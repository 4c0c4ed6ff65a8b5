import type { Party } from '../../values/party.schema';

/** A Ningbo exporter, its US buyer, and banks: small fixtures shared by the document specs. */
export const seller: Party = {
  name: '宁波海天进出口有限公司',
  altName: 'Ningbo Haitian Import & Export Co., Ltd.',
  identifiers: [
    { scheme: 'USCC', value: '91350100M000100Y43' },
    { scheme: 'CUSTOMS', value: '3302960ABC' },
  ],
  address: { lines: ['江北区长兴路 88 号'], city: '宁波', postalCode: '315020', country: 'CN' },
};

export const buyer: Party = {
  name: 'Lakeside Home Goods Inc.',
  identifiers: [{ scheme: 'DUNS', value: '150483782' }],
  address: { lines: ['400 Harbor Blvd'], city: 'Long Beach', postalCode: '90802', country: 'US' },
  contact: { name: 'Dana Reyes', email: 'dana@lakeside.example' },
};

export const issuingBank: Party = {
  name: 'First Pacific Bank',
  identifiers: [{ scheme: 'BIC', value: 'FPBKUS33XXX' }],
};

export const advisingBank: Party = {
  name: '中国银行宁波分行',
  identifiers: [{ scheme: 'BIC', value: 'BKCHCNBJ92A' }],
};
