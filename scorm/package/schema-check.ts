import { validateXML } from 'xmllint-wasm';
import type { PackageVersion } from './manifest.ts';

/**
 * Schema validation of a manifest, offline, with libxml2 (xmllint-wasm): a small driver schema
 * imports every namespace a manifest of this project uses, and the package's own schema files are
 * preloaded beside it. 1.2 leaves IMS meta-data out (xmllint-wasm cannot compile
 * imsmd_rootv1p2p1.xsd, and no manifest here uses meta-data elements).
 */
const IMPORTS = Object.freeze({
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  '2004': [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
} as const);

export function driverSchema(version: PackageVersion): string {
  const imports = IMPORTS[version]
    .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:safeguarding:driver" elementFormDefault="qualified">
${imports}
</xs:schema>
`;
}

export interface SchemaResult {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

export async function validateManifest(
  version: PackageVersion,
  manifest: string,
  schemas: ReadonlyMap<string, Uint8Array | string>,
): Promise<SchemaResult> {
  const preload = [...schemas]
    .filter(([name]) => !(version === '1.2' && name === 'imsmd_rootv1p2p1.xsd'))
    .map(([fileName, contents]) => ({
      fileName,
      contents: typeof contents === 'string' ? contents : new Uint8Array(contents),
    }));
  const result = await validateXML({
    xml: { fileName: 'imsmanifest.xml', contents: manifest },
    schema: { fileName: 'driver.xsd', contents: driverSchema(version) },
    preload,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
