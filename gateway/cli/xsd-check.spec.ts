import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Detection } from '../../core/translation/contract';
import { checkXsd, XsdCatalog } from './xsd-check';

const NS = 'urn:example:shipment:1';
// A schema of our own: one Shipment root with a mandatory Ref.
const xsd = (version: string) => `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${NS}"
    xmlns="${NS}" elementFormDefault="qualified">
  <xs:element name="Shipment">
    <xs:complexType>
      <xs:sequence><xs:element name="Ref" type="xs:string"/></xs:sequence>
      <xs:attribute name="edition" type="xs:string" fixed="${version}"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
const detection: Detection = { format: 'xml', standard: 'XML', version: 'shipment-2' };

describe('XsdCatalog and checkXsd', () => {
  let dir: string;
  let catalog: XsdCatalog;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tradehub-xsd-'));
    mkdirSync(path.join(dir, 'example'));
    writeFileSync(path.join(dir, 'example', 'shipment-1.xsd'), xsd('1'));
    writeFileSync(path.join(dir, 'example', 'shipment-2.xsd'), xsd('2'));
    catalog = XsdCatalog.load(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the schema by root namespace and element, preferring the named version', () => {
    expect(catalog.find(NS, 'Shipment', 'shipment-2')).toBe(
      path.join(dir, 'example', 'shipment-2.xsd'),
    );
    expect(catalog.find(NS, 'Shipment')).toBe(path.join(dir, 'example', 'shipment-1.xsd'));
    expect(catalog.find(NS, 'Invoice')).toBeUndefined();
    expect(catalog.find('urn:other', 'Shipment')).toBeUndefined();
  });

  it('reports valid, invalid with the line, and no schema', async () => {
    const valid = Buffer.from(`<Shipment xmlns="${NS}"><Ref>R1</Ref></Shipment>`);
    expect(await checkXsd(valid, detection, catalog)).toEqual({
      status: 'valid',
      schema: path.join('example', 'shipment-2.xsd'),
    });
    const invalid = Buffer.from(`<Shipment xmlns="${NS}">\n<Reference>R1</Reference></Shipment>`);
    expect(await checkXsd(invalid, detection, catalog)).toMatchObject({
      status: 'invalid',
      line: 2,
      message: expect.stringContaining('Reference'),
    });
    const other = Buffer.from('<Invoice xmlns="urn:other"/>');
    expect(await checkXsd(other, detection, catalog)).toEqual({
      status: 'no-schema',
      message: 'no schema declares {urn:other}Invoice',
    });
  });

  it('turns a refused document (a DTD) into an invalid outcome instead of throwing', async () => {
    const dtd = Buffer.from(
      `<!DOCTYPE x [<!ENTITY a "b">]><Shipment xmlns="${NS}"><Ref>&a;</Ref></Shipment>`,
    );
    expect(await checkXsd(dtd, detection, catalog)).toMatchObject({ status: 'invalid' });
  });
});
