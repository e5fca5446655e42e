import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, loadConfigFromFile, type PluginOption, type UserConfig } from 'vite';
import { coursePlugin } from '../../src/build/course-plugin.ts';
import { formatDiagnostics, hasErrors } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import type { Course } from '../../src/model/course.ts';
import { stateBudgets } from '../../src/build/state-budget.ts';
import { courseShape, SHAPE_FILE } from '../../src/build/course-shape.ts';
import { checkPackage } from './conformance.ts';
import type { PackageVersion } from './manifest.ts';
import { NOTICES_FILE } from './notices.ts';
import { buildPackage, packageFileName, readDirectory } from './package.ts';
import { SCORM_VERSIONS } from '../version.ts';
import { readZip } from './zip.ts';

/**
 * The package build, as functions the CLI (scripts/build-packages.ts) and the tests call: a web
 * build per level (Vite, with VITE_LEVEL fixed), then a SCORM 1.2 and a SCORM 2004 zip of it, each
 * checked against the package rules before it is written.
 */

export interface BuildOptions {
  /** Folder holding course.yaml. @default 'course' */
  readonly courseDir?: string;
  /** Where dist/levels/<level>/ and dist/packages/ go. @default 'dist' */
  readonly outDir?: string;
  /** Only these levels. @default every level of the course */
  readonly levels?: readonly string[];
  /** @default both */
  readonly versions?: readonly PackageVersion[];
  /** The project root (vite.config.ts). @default process.cwd() */
  readonly root?: string;
  /**
   * The edition's organisation file. @default the SG_ORG environment variable, else
   * `<courseDir>/organisation.yaml` (src/compiler/load.ts)
   */
  readonly organisation?: string;
  /** Extra Vite plugins for the level builds (tests use one). */
  readonly plugins?: readonly PluginOption[];
}

export interface BuiltPackage {
  readonly file: string;
  readonly path: string;
  readonly level: string;
  readonly version: PackageVersion;
  readonly bytes: number;
  readonly modules: number;
  readonly worstCase: number;
  readonly limit: number;
}

export function loadCourse(courseDir: string, organisation?: string): Course {
  const result = compileCourseDirectory(courseDir, undefined, organisation);
  if (hasErrors(result.diagnostics) || !result.course)
    throw new Error(`The course content has errors:\n${formatDiagnostics(result.diagnostics)}`);
  return result.course;
}

/**
 * Vite's build of the course for one level, into `outDir`: the project's vite.config.ts with
 * VITE_LEVEL fixed, and the course plugin pointed at `courseDir` (the tests build a fixture course)
 * and cut down to that level, so a package carries only its own modules.
 */
export async function buildLevelWeb(
  root: string,
  courseDir: string,
  level: string,
  outDir: string,
  extraPlugins: readonly PluginOption[] = [],
  organisation?: string,
): Promise<void> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(root, 'vite.config.ts'),
    root,
    'silent',
  );
  const config: UserConfig = loaded?.config ?? {};
  const plugins = (config.plugins ?? [])
    .flat()
    .filter(
      (p) =>
        !(p && typeof p === 'object' && 'name' in p && p.name.startsWith('safeguarding:course')),
    );
  await build({
    ...config,
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [
      ...plugins,
      coursePlugin({
        dir: courseDir,
        level,
        // As vite.config.ts: each module's text in modules/<id>-<hash>.js, loaded on opening it.
        moduleScripts: true,
        ...(organisation ? { organisation } : {}),
      }),
      ...extraPlugins,
    ],
    define: { ...config.define, 'import.meta.env.VITE_LEVEL': JSON.stringify(level) },
    build: { ...config.build, outDir, emptyOutDir: true },
  });
}

/**
 * The levels (in the course's order) and SCORM versions `options` asks for: all of each by
 * default. Throws, naming what there is, for a level the course lacks or a version there is not.
 */
export function packagesAskedFor(
  course: Course,
  options: Pick<BuildOptions, 'levels' | 'versions'>,
): { levels: Course['levels'][number][]; versions: readonly PackageVersion[] } {
  const unknownLevels = (options.levels ?? []).filter(
    (id) => !course.levels.some((l) => l.id === id),
  );
  if (unknownLevels.length > 0)
    throw new Error(
      `The course has no level "${unknownLevels.join('", "')}"; its levels are: ${course.levels.map((l) => l.id).join(', ')}.`,
    );
  const versions = options.versions ?? SCORM_VERSIONS;
  const unknownVersions = versions.filter((v) => !SCORM_VERSIONS.includes(v));
  if (unknownVersions.length > 0)
    throw new Error(
      `No SCORM version "${unknownVersions.join('", "')}": give ${SCORM_VERSIONS.join(' or ')}.`,
    );
  const levels = course.levels.filter((l) => !options.levels || options.levels.includes(l.id));
  return { levels, versions };
}

export async function buildPackages(options: BuildOptions = {}): Promise<BuiltPackage[]> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(root, options.outDir ?? 'dist');
  const courseDir = resolve(root, options.courseDir ?? 'course');
  const organisation = options.organisation && resolve(root, options.organisation);
  const course = loadCourse(courseDir, organisation);
  const budgets = new Map(stateBudgets(course).map((b) => [b.level, b]));
  const { levels, versions } = packagesAskedFor(course, options);
  const packagesDir = join(outDir, 'packages');
  rmSync(packagesDir, { recursive: true, force: true });
  mkdirSync(packagesDir, { recursive: true });

  const built: BuiltPackage[] = [];
  for (const level of levels) {
    const webDir = join(outDir, 'levels', level.id);
    await buildLevelWeb(root, courseDir, level.id, webDir, options.plugins, organisation);
    const files = readDirectory(webDir);
    // What learners' saved progress depends on, for `npm run validate -- --since <this package>`
    // before the next update replaces it (src/build/course-shape.ts).
    files.set(
      SHAPE_FILE,
      Buffer.from(`${JSON.stringify(courseShape(course, level.id), null, 2)}\n`),
    );
    // Lit's licence (BSD-3-Clause) asks for its notice in every copy: no package ships without it.
    if (!files.has(NOTICES_FILE))
      throw new Error(
        `The web build of "${level.id}" has no ${NOTICES_FILE}: keep noticesPlugin() (scorm/package/notices.ts) in vite.config.ts.`,
      );
    for (const version of versions) {
      const zip = await buildPackage({ version, course, level, files });
      const problems = checkPackage(version, readZip(zip));
      if (problems.length > 0)
        throw new Error(
          `The SCORM ${version} package for "${level.id}" breaks the package rules:\n  ${problems.join('\n  ')}`,
        );
      const file = packageFileName(
        course.id,
        level.id,
        version,
        course.version,
        course.edition?.id,
      );
      const path = join(packagesDir, file);
      writeFileSync(path, zip);
      const budget = budgets.get(level.id);
      built.push({
        file,
        path,
        level: level.id,
        version,
        bytes: zip.length,
        modules: level.modules.length,
        worstCase: budget?.worstCase ?? 0,
        limit: version === '1.2' ? (budget?.limit ?? 4096) : 64000,
      });
    }
  }
  return built;
}

/** The table the build prints. */
export function formatPackageTable(packages: readonly BuiltPackage[]): string {
  const width = Math.max(7, ...packages.map((p) => p.file.length));
  const header = `  ${'package'.padEnd(width)}  ${'size'.padStart(8)}  modules  worst-case suspend_data`;
  const rows = packages.map(
    (p) =>
      `  ${p.file.padEnd(width)}  ${formatSize(p.bytes).padStart(8)}  ${String(p.modules).padStart(7)}  ` +
      `${String(p.worstCase).padStart(10)} / ${p.limit}`,
  );
  return [header, ...rows].join('\n');
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
