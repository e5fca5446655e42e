/**
 * `imsmanifest.xml` for a single-SCO package, SCORM 1.2 or SCORM 2004 4th Edition, as a pure
 * function of its inputs: same inputs, same bytes.
 */
import type { ScormVersion } from '../version.ts';

/** The SCORM version a package is built for (scorm/version.ts). */
export type PackageVersion = ScormVersion;

export interface ManifestOptions {
  readonly version: PackageVersion;
  /** Stable across releases of the same course and level, e.g. `learning-from-case-reviews.foundation`. */
  readonly identifier: string;
  /** Shown by the LMS: the organisation and the SCO's title. */
  readonly title: string;
  /** The course version, e.g. `0.1.0` (manifest@version). */
  readonly courseVersion: string;
  /** Pass mark 0–100: 1.2 adlcp:masteryscore; 2004 imsss:minNormalizedMeasure (0–1). */
  readonly masteryScore: number;
  /** The SCO's launch file, relative to the zip root. */
  readonly launch: string;
  /** Every file of the SCO (the launch file included), relative to the zip root. */
  readonly files: readonly string[];
  /** The schema files at the zip root, listed in a resource of their own so every file is listed. */
  readonly schemaFiles?: readonly string[];
}

const NAMESPACES = Object.freeze({
  '1.2': {
    imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
    imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  },
  '2004': {
    imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
    adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
    adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
    imsss: 'http://www.imsglobal.org/xsd/imsss',
  },
});

export const SCHEMA_VERSION = Object.freeze({ '1.2': '1.2', '2004': '2004 4th Edition' });

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export function createManifest(options: ManifestOptions): string {
  const id = toNcName(options.identifier);
  const ids = {
    org: `${id}.org`,
    item: `${id}.sco`,
    resource: `${id}.res`,
    schemas: `${id}.schemas`,
  };
  const title = escapeXml(options.title);
  const files = [...new Set(options.files)].sort();
  if (!files.includes(options.launch)) files.unshift(options.launch);
  for (const file of [...files, ...(options.schemaFiles ?? [])]) assertRelative(file);
  const fileList = (list: readonly string[], indent: string) =>
    list.map((f) => `${indent}<file href="${escapeXml(encodeHref(f))}"/>`).join('\n');
  const schemaResource = (scormAttribute: string) =>
    options.schemaFiles && options.schemaFiles.length > 0
      ? `\n    <resource identifier="${ids.schemas}" type="webcontent" ${scormAttribute}="asset">\n` +
        `${fileList([...options.schemaFiles].sort(), '      ')}\n    </resource>`
      : '';
  const mastery = Math.min(100, Math.max(0, options.masteryScore));
  const version = versionParts(options.version, ids.item, mastery);

  // One template: the versions differ in their namespaces, how the item carries the pass mark,
  // and the spelling of the SCO attribute (adlcp:scormtype in 1.2, adlcp:scormType in 2004).
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${escapeXml(options.courseVersion)}"
${version.namespaces}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${SCHEMA_VERSION[options.version]}</schemaversion>
  </metadata>
  <organizations default="${ids.org}">
    <organization identifier="${ids.org}">
      <title>${title}</title>
      <item identifier="${ids.item}" identifierref="${ids.resource}" isvisible="true">
        <title>${title}</title>
${version.passMark}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.resource}" type="webcontent" ${version.scormAttribute}="sco" href="${escapeXml(encodeHref(options.launch))}">
${fileList(files, '      ')}
    </resource>${schemaResource(version.scormAttribute)}
  </resources>
</manifest>
`;
}

/** What differs between the 1.2 and the 2004 manifest. */
function versionParts(version: ManifestOptions['version'], item: string, mastery: number) {
  if (version === '1.2') {
    const ns = NAMESPACES['1.2'];
    return {
      namespaces: `          xmlns="${ns.imscp}"
          xmlns:adlcp="${ns.adlcp}"
          xmlns:xsi="${XSI}"
          xsi:schemaLocation="${ns.imscp} imscp_rootv1p1p2.xsd ${ns.imsmd} imsmd_rootv1p2p1.xsd ${ns.adlcp} adlcp_rootv1p2.xsd"`,
      passMark: `        <adlcp:masteryscore>${Math.round(mastery)}</adlcp:masteryscore>`,
      scormAttribute: 'adlcp:scormtype',
    };
  }
  const ns = NAMESPACES['2004'];
  const measure = String(Math.round(mastery * 100) / 10000);
  return {
    namespaces: `          xmlns="${ns.imscp}"
          xmlns:adlcp="${ns.adlcp}"
          xmlns:adlseq="${ns.adlseq}"
          xmlns:adlnav="${ns.adlnav}"
          xmlns:imsss="${ns.imsss}"
          xmlns:xsi="${XSI}"
          xsi:schemaLocation="${ns.imscp} imscp_v1p1.xsd ${ns.adlcp} adlcp_v1p3.xsd ${ns.adlseq} adlseq_v1p3.xsd ${ns.adlnav} adlnav_v1p3.xsd ${ns.imsss} imsss_v1p0.xsd"`,
    passMark: `        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${item}.passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>`,
    scormAttribute: 'adlcp:scormType',
  };
}

/** An xsd:ID: an NCName (a letter or `_` first; letters, digits, `.`, `-`, `_`). */
export function toNcName(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A zip path as a relative URI reference: each segment percent-encoded, `/` kept. */
export function encodeHref(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Package paths must be relative, with `/` separators and no `..` (ADL and every LMS agree). */
export function assertRelative(path: string): void {
  if (
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    /^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) ||
    path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')
  )
    throw new Error(`"${path}" is not a relative package path.`);
}
