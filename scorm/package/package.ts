import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createManifest, type PackageVersion } from './manifest.ts';
import { createZip, type FileMap } from './zip.ts';

/**
 * A level's web build → a SCORM package: the build's files, the version's schema files at the
 * root and the manifest listing them all, zipped deterministically.
 */

export interface PackageInput {
  readonly version: PackageVersion;
  readonly course: {
    readonly id: string;
    readonly title: string;
    readonly version: string;
    /** An organisation's edition (organisation.yaml): named in the LMS's title when it has an id. */
    readonly edition?: { readonly id?: string; readonly name: string };
  };
  readonly level: { readonly id: string; readonly title: string; readonly passMark: number };
  /** The level's web build (index.html and assets/…), zip path → contents. */
  readonly files: FileMap;
  /** @default 'index.html' */
  readonly launch?: string;
}

export const VERSION_SLUG = Object.freeze({ '1.2': 'scorm12', '2004': 'scorm2004' });

/**
 * e.g. `learning-from-case-reviews_foundation_scorm12_v0.1.0.zip`, or with an organisation's
 * edition id `learning-from-case-reviews_northshire-council_foundation_scorm12_v0.1.0.zip`, so two
 * editions' packages are never mistaken for each other in an LMS's upload list.
 */
export function packageFileName(
  courseId: string,
  levelId: string,
  version: PackageVersion,
  courseVersion: string,
  editionId?: string,
): string {
  const course = editionId ? `${courseId}_${editionId}` : courseId;
  return `${course}_${levelId}_${VERSION_SLUG[version]}_v${courseVersion}.zip`;
}

/** The title the LMS shows: course and level, and the organisation for an edition with an id. */
export function packageTitle(input: Pick<PackageInput, 'course' | 'level'>): string {
  const { course, level } = input;
  const edition = course.edition?.id ? ` (${course.edition.name})` : '';
  return `${course.title}: ${level.title}${edition}`;
}

const SCHEMAS_DIR = fileURLToPath(new URL('./schemas/', import.meta.url));

/** The version's schema files (vendored in scorm/package/schemas/, see its README). */
export function schemaFiles(version: PackageVersion): Map<string, Buffer> {
  return readDirectory(join(SCHEMAS_DIR, VERSION_SLUG[version]));
}

/** Every file under `dir`, keyed by its `/`-separated path relative to `dir`, in sorted order. */
export function readDirectory(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** Everything that goes into the zip, manifest included. */
export function packageFiles(input: PackageInput): Map<string, Uint8Array | string> {
  const schemas = schemaFiles(input.version);
  for (const path of input.files.keys())
    if (schemas.has(path) || path === 'imsmanifest.xml')
      throw new Error(
        `The web build has a file named ${path}, which the package needs for itself.`,
      );
  const manifest = createManifest({
    version: input.version,
    identifier: `${input.course.id}.${input.level.id}`,
    title: packageTitle(input),
    courseVersion: input.course.version,
    masteryScore: input.level.passMark,
    launch: input.launch ?? 'index.html',
    files: [...input.files.keys()],
    schemaFiles: [...schemas.keys()],
  });
  return new Map<string, Uint8Array | string>([
    ...input.files,
    ...schemas,
    ['imsmanifest.xml', manifest],
  ]);
}

export async function buildPackage(input: PackageInput): Promise<Buffer> {
  return createZip(packageFiles(input));
}
