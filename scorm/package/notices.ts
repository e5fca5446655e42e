import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Third-party licence notices: the course's runtime bundles npm packages (Lit, under BSD-3-Clause,
 * whose licence asks that its notice go with every copy), so every build ships
 * THIRD-PARTY-NOTICES.txt, made at build time from the licence files of exactly the packages the
 * bundle holds, read from node_modules.
 */

export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  /** The SPDX expression in its package.json, e.g. `BSD-3-Clause`. */
  readonly license: string;
  /** Its licence file(s), as shipped in the package. */
  readonly licenceText: string;
}

/** Code Vite itself puts in the bundle (the module-preload polyfill), credited to Vite. */
const VITE_INJECTED = /^\0?vite\//;

/**
 * The npm packages that the given bundled module ids come from, sorted by name. Module ids are
 * absolute paths (as the bundler reports them); ids outside node_modules are the project's own.
 * Throws when a bundled package ships no licence file: a notice cannot then be made for it, and a
 * build without it would break the licence.
 */
export function bundledPackages(moduleIds: Iterable<string>): BundledPackage[] {
  const dirs = new Set<string>();
  for (const id of moduleIds) {
    const dir = VITE_INJECTED.test(id) ? viteDirectory() : packageDirectory(id);
    if (dir) dirs.add(dir);
  }
  const found = new Map<string, BundledPackage>();
  for (const dir of dirs) {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
      license?: string;
    };
    const name = manifest.name ?? dir;
    const version = manifest.version ?? '';
    const files = readdirSync(dir)
      .filter((file) => /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i.test(file))
      .sort();
    if (files.length === 0)
      throw new Error(
        `${name} ${version} is bundled into the course, but ships no licence file (${dir}): ` +
          'add its notice to scorm/package/notices.ts, or stop bundling it',
      );
    const licenceText = files
      .map((file) => ownLicence(readFileSync(join(dir, file), 'utf8')))
      .join('\n\n');
    found.set(`${name}@${version}`, {
      name,
      version,
      license: manifest.license ?? 'see the licence text',
      licenceText,
    });
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The notices file: a heading, then each package's name, version, licence and licence text. */
export function thirdPartyNotices(packages: readonly BundledPackage[]): string {
  const rule = '-'.repeat(72);
  return [
    'Third-party software notices',
    '',
    'This course includes the following open-source software. Each is used under its licence,',
    'reproduced below as the package ships it.',
    '',
    ...packages.flatMap((p) => [
      rule,
      `${p.name} ${p.version} (${p.license})`,
      rule,
      '',
      p.licenceText,
      '',
    ]),
  ].join('\n');
}

/**
 * A Vite plugin that writes THIRD-PARTY-NOTICES.txt beside the build's files, for the packages of
 * every module the bundler lists in its output. A module that contributes no code (Lit's `lit`
 * package only re-exports lit-html and lit-element) is still credited: too many notices are
 * harmless, a missing one is not.
 */
export function noticesPlugin(): Plugin {
  return {
    name: 'safeguarding:third-party-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      const ids: string[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        ids.push(...output.moduleIds);
      }
      this.emitFile({
        type: 'asset',
        fileName: NOTICES_FILE,
        source: thirdPartyNotices(bundledPackages(ids)),
      });
    },
  };
}

/**
 * A licence file without the licences of the tool's own bundled dependencies that some tools
 * append (Vite's LICENSE.md, under "# Licenses of bundled dependencies"): those are in the tool,
 * not in the course. Only Vite's small module-preload polyfill reaches the course's bundle.
 */
function ownLicence(text: string): string {
  const cut = /^#+ Licenses of bundled dependencies/m.exec(text);
  return (cut ? text.slice(0, cut.index) : text).trim();
}

/** The package folder a module path is in (the innermost node_modules), or undefined. */
function packageDirectory(id: string): string | undefined {
  const path = id
    .replace(/^\0/, '')
    .replace(/[?#].*$/, '')
    .replace(/\\/g, '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = path.slice(at + '/node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? rest.slice(0, 2).join('/') : rest[0];
  if (!name) return undefined;
  const dir = path.slice(0, at + '/node_modules/'.length) + name;
  return existsSync(join(dir, 'package.json')) ? dir : undefined;
}

let viteDir: string | undefined;
function viteDirectory(): string {
  viteDir ??= dirname(createRequire(import.meta.url).resolve('vite/package.json'));
  return viteDir;
}
