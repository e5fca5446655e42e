import { SCHEMA_VERSION, type PackageVersion } from './manifest.ts';

/**
 * ADL's content-package checks that schema validation cannot make, in code: manifest at the root,
 * profile rules (unique identifiers, default organization, identifierref → resource on leaf items,
 * the SCO lists its own href), attribute spelling per version, the schemaversion literal, every
 * href present in the zip, every file listed, no absolute or `..` paths, schema files named in
 * xsi:schemaLocation present. Returns the problems found; an empty list means the package passes.
 */
export function checkPackage(
  version: PackageVersion,
  files: ReadonlyMap<string, Uint8Array | string>,
): string[] {
  const problems: string[] = [];
  const text = files.get('imsmanifest.xml');
  if (text === undefined) return ['imsmanifest.xml is not at the zip root'];
  let root: XmlElement;
  try {
    root = parseXml(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
  } catch (error) {
    return [`imsmanifest.xml is not well-formed: ${(error as Error).message}`];
  }

  for (const path of files.keys()) {
    if (path.startsWith('/') || path.includes('\\') || path.split('/').includes('..'))
      problems.push(`zip entry "${path}" is not a relative path`);
  }

  if (root.name !== 'manifest') problems.push(`root element is <${root.name}>, not <manifest>`);
  const all = descendants(root);

  // Schema files named in xsi:schemaLocation are present.
  const locations = (root.attributes['xsi:schemaLocation'] ?? '').trim().split(/\s+/);
  for (let i = 1; i < locations.length; i += 2) {
    const file = locations[i] as string;
    if (!files.has(file))
      problems.push(`schema file ${file} (named in xsi:schemaLocation) is missing`);
  }

  // metadata/schema and schemaversion.
  const metadata = root.children.find((c) => c.name === 'metadata');
  const schema = metadata?.children.find((c) => c.name === 'schema')?.text.trim();
  const schemaversion = metadata?.children.find((c) => c.name === 'schemaversion')?.text.trim();
  if (schema !== 'ADL SCORM') problems.push(`metadata schema is "${schema}", not "ADL SCORM"`);
  if (schemaversion !== SCHEMA_VERSION[version])
    problems.push(`schemaversion is "${schemaversion}", not "${SCHEMA_VERSION[version]}"`);

  // Unique identifiers.
  const seen = new Set<string>();
  for (const element of all) {
    const id = element.attributes.identifier;
    if (id === undefined) continue;
    if (seen.has(id)) problems.push(`identifier "${id}" is used more than once`);
    seen.add(id);
  }

  // Default organization exists.
  const organizations = root.children.find((c) => c.name === 'organizations');
  const orgs = organizations?.children.filter((c) => c.name === 'organization') ?? [];
  const fallback = organizations?.attributes.default;
  if (orgs.length === 0) problems.push('no <organization>');
  if (fallback === undefined || !orgs.some((o) => o.attributes.identifier === fallback))
    problems.push(`organizations@default "${fallback}" names no organization`);

  // identifierref only on leaf items, pointing at a resource.
  const resources =
    root.children
      .find((c) => c.name === 'resources')
      ?.children.filter((c) => c.name === 'resource') ?? [];
  const resourceIds = new Set(resources.map((r) => r.attributes.identifier));
  for (const item of all.filter((e) => e.name === 'item')) {
    const ref = item.attributes.identifierref;
    const leaf = !item.children.some((c) => c.name === 'item');
    if (ref !== undefined && !leaf)
      problems.push(`item "${item.attributes.identifier}" has children and an identifierref`);
    if (ref !== undefined && !resourceIds.has(ref))
      problems.push(
        `item "${item.attributes.identifier}" points at "${ref}", which is no resource`,
      );
    if (ref === undefined && leaf)
      problems.push(`leaf item "${item.attributes.identifier}" launches nothing`);
  }

  // The pass mark: the 1.2 schema allows any string, so check the value here.
  for (const element of all) {
    const value = element.text.trim();
    if (
      element.name === 'adlcp:masteryscore' &&
      !(/^\d+(\.\d+)?$/.test(value) && Number(value) <= 100)
    )
      problems.push(`adlcp:masteryscore "${value}" is not a number from 0 to 100`);
    if (
      element.name === 'imsss:minNormalizedMeasure' &&
      !(/^-?\d+(\.\d+)?$/.test(value) && Math.abs(Number(value)) <= 1)
    )
      problems.push(`imsss:minNormalizedMeasure "${value}" is not a number from -1 to 1`);
  }

  // Attribute spelling per version, and the SCO's own files.
  const right = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const wrong = version === '1.2' ? 'adlcp:scormType' : 'adlcp:scormtype';
  const listed = new Set<string>();
  let scos = 0;
  for (const resource of resources) {
    if (resource.attributes[wrong] !== undefined)
      problems.push(
        `resource "${resource.attributes.identifier}" spells ${wrong}; SCORM ${version} wants ${right}`,
      );
    const type = resource.attributes[right];
    if (type !== 'sco' && type !== 'asset')
      problems.push(`resource "${resource.attributes.identifier}" has ${right}="${type}"`);
    const hrefs = resource.children
      .filter((c) => c.name === 'file')
      .map((f) => f.attributes.href ?? '');
    for (const href of hrefs) {
      const path = decodeHref(href);
      listed.add(path);
      if (
        href.startsWith('/') ||
        href.includes('\\') ||
        path.split('/').includes('..') ||
        /^[a-z]+:/i.test(href)
      )
        problems.push(`file href "${href}" is not relative`);
      else if (!files.has(path)) problems.push(`file href "${href}" is not in the zip`);
    }
    if (type === 'sco') {
      scos++;
      const href = resource.attributes.href;
      if (href === undefined) problems.push(`SCO "${resource.attributes.identifier}" has no href`);
      else if (!hrefs.includes(href))
        problems.push(
          `SCO "${resource.attributes.identifier}" does not list its own href as a file`,
        );
      else if (!files.has(decodeHref(href)))
        problems.push(`launch file "${href}" is not in the zip`);
    }
  }
  if (scos !== 1) problems.push(`${scos} SCO resources, not 1`);

  for (const path of files.keys())
    if (path !== 'imsmanifest.xml' && !path.endsWith('/') && !listed.has(path))
      problems.push(`zip entry "${path}" is not listed in the manifest`);
  return problems;
}

function decodeHref(href: string): string {
  try {
    return decodeURIComponent(href.split('#')[0]?.split('?')[0] ?? '');
  } catch {
    return href;
  }
}

// ---------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes and text; enough for manifests (which the schema check
// has already found well-formed and valid). No DTDs, no entities beyond the five predefined.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    const [, cdata, closing, name, attrs, selfClosing, text, stray] = match;
    if (stray) throw new Error(`unexpected "<" at ${match.index}`);
    if (cdata !== undefined || text !== undefined) {
      const top = stack.at(-1);
      if (top) top.text += cdata ?? unescape(text ?? '');
      else if ((text ?? '').trim() !== '') throw new Error('text outside the root element');
      continue;
    }
    if (!name) continue;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attributes[a[1] as string] = unescape(a[2] ?? a[3] ?? '');
    const element: XmlElement = { name, attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? '';
    const code =
      entity[1] === 'x' || entity[1] === 'X'
        ? parseInt(entity.slice(2), 16)
        : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}
