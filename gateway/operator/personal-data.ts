import { maskBuyerIdentity } from '../../core/model/values/buyer-identity.schema';

// The buyer's identity fields as CEB311/CEB621/CEB623 (XML) and the order JSON name them.
const XML_FIELDS =
  /<((?:\w+:)?(buyerIdNumber|buyerName|buyerTelephone|consigneeTelephone))>([^<]*)</g;
const JSON_IDENTITY = /"identity"\s*:\s*\{[^{}]*\}/g;
// A DXP envelope carries the CEB message base64-encoded in its Data element.
const DXP_DATA = /<((?:\w+:)?Data)>([A-Za-z0-9+/=\s]+)<\/\1>/g;

const maskField = (field: string, value: string) => {
  const m = maskBuyerIdentity({ idType: '1', idNumber: value, name: value, telephone: value });
  return field === 'buyerIdNumber' ? m.idNumber : field === 'buyerName' ? m.name : m.telephone;
};

function maskText(text: string): string {
  return text
    .replace(
      XML_FIELDS,
      (_all, tag: string, field: string, value: string) => `<${tag}>${maskField(field, value)}<`,
    )
    .replace(JSON_IDENTITY, (all) => {
      try {
        const id = JSON.parse(all.slice(all.indexOf('{'))) as Parameters<
          typeof maskBuyerIdentity
        >[0];
        return `"identity":${JSON.stringify(maskBuyerIdentity(id))}`;
      } catch {
        return '"identity":"***"';
      }
    });
}

/**
 * A raw message body as operators may see it: the buyer's identity masked in CEB XML (inside
 * a DXP envelope too) and in order JSON. Undefined when the body holds none, so the raw bytes
 * are shown unchanged.
 */
export function maskedRaw(text: string): string | undefined {
  const unwrapped = text.replace(DXP_DATA, (all, tag: string, data: string) => {
    const inner = Buffer.from(data.replace(/\s/g, ''), 'base64').toString('utf8');
    const masked = maskText(inner);
    return masked === inner ? all : `<${tag}>${Buffer.from(masked).toString('base64')}</${tag}>`;
  });
  const masked = maskText(unwrapped);
  return masked === text ? undefined : masked;
}
