import { el, leaf } from '../xml/xml-build';
import type { XmlElement } from '../xml/xml-tree';
import type {
  Pain001Account,
  Pain001Address,
  Pain001Agent,
  Pain001Party,
  Pain001Version,
} from './pain001-types';

/** Element names that differ between pain.001.001.03 and .001.09. */
export function dialect(version: Pain001Version) {
  const v9 = version === 'pain.001.001.09';
  return { v9, agentBic: v9 ? 'BICFI' : 'BIC', orgBic: v9 ? 'AnyBIC' : 'BICOrBEI' };
}

function address(value: Pain001Address | undefined): XmlElement | undefined {
  if (!value) return undefined;
  return el(
    'PstlAdr',
    {},
    leaf('StrtNm', value.street),
    leaf('BldgNb', value.buildingNumber),
    leaf('PstCd', value.postCode),
    leaf('TwnNm', value.town),
    leaf('Ctry', value.country),
    ...(value.addressLines ?? []).map((line) => leaf('AdrLine', line)),
  );
}

/** Party with name, address and organisation id, in schema order. */
export function party(name: string, value: Pain001Party, version: Pain001Version): XmlElement {
  const { orgBic } = dialect(version);
  const id =
    value.bic || value.orgId
      ? el(
          'Id',
          {},
          el(
            'OrgId',
            {},
            leaf(orgBic, value.bic),
            value.orgId ? el('Othr', {}, leaf('Id', value.orgId)) : undefined,
          ),
        )
      : undefined;
  return el(name, {}, leaf('Nm', value.name), address(value.address), id);
}

export function account(name: string, value: Pain001Account): XmlElement {
  const id = value.iban
    ? leaf('IBAN', value.iban)
    : el('Othr', {}, leaf('Id', value.otherId ?? ''));
  return el(name, {}, el('Id', {}, id), leaf('Ccy', value.currency));
}

/** Agent by BIC or clearing member id; 'NOTPROVIDED' when neither is known (EPC usage). */
export function agent(
  name: string,
  value: Pain001Agent | undefined,
  version: Pain001Version,
): XmlElement {
  const { agentBic } = dialect(version);
  const member = value?.clearingMemberId
    ? el('ClrSysMmbId', {}, leaf('MmbId', value.clearingMemberId))
    : undefined;
  const fallback = !value?.bic && !member ? el('Othr', {}, leaf('Id', 'NOTPROVIDED')) : undefined;
  return el(name, {}, el('FinInstnId', {}, leaf(agentBic, value?.bic), member, fallback));
}
