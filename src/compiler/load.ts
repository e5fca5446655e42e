import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { compileCourse, type CompileResult, type ContentText } from './compile.ts';
import type { Diagnostic } from './diagnostics.ts';
import { ORGANISATION_FILE, type OrganisationInput } from './organisation.ts';

/** A content file larger than this is refused unread: no course file comes near it. */
export const MAX_CONTENT_BYTES = 4 * 1024 * 1024;

/**
 * The file-system side of the compiler: reads `<dir>/course.yaml` and every
 * `<dir>/modules/*.yaml`, naming files relative to `root` in messages.
 *
 * Whatever is on disk, this returns diagnostics and never throws or hangs: a name that is a
 * folder, a named pipe (which would block a read for ever), a symbolic link that loops, dangles or
 * leads outside the course folder, an oversized file, or bytes that are not UTF-8 each give one
 * error naming the file. Files outside the course folder are never opened, so no message can
 * echo what they hold.
 */
export function compileCourseDirectory(
  dir: string,
  root = process.cwd(),
  /**
   * The edition's organisation file. Default: the SG_ORG environment variable (so one
   * `SG_ORG=… npm run build` reaches validate, the web build and the packages alike), else
   * `<dir>/organisation.yaml` when there is one.
   */
  organisationFile: string | undefined = process.env.SG_ORG || undefined,
): CompileResult {
  const name = (path: string) => relative(root, path) || path;
  const coursePath = join(dir, 'course.yaml');
  if (!lstatOrUndefined(coursePath)) {
    const fix = 'create it (see docs/authoring.md), or name the folder that holds it';
    return {
      diagnostics: [
        {
          severity: 'error',
          file: name(coursePath),
          line: 1,
          column: 1,
          message: 'course file not found',
          fix,
        },
      ],
    };
  }
  const courseRoot = realpathSync(dir);
  const read = (path: string): ContentText => readContentFile(path, name(path), courseRoot);
  const modules = listModuleFiles(dir, name, courseRoot);
  const organisation = readOrganisation(dir, organisationFile, name);
  const readCourseFile = (path: string): Uint8Array | { problem: string } => {
    const full = join(dir, path);
    if (!lstatOrUndefined(full)) return { problem: 'is not there' };
    const where = locate(full, courseRoot);
    if ('message' in where) return { problem: where.message };
    const stats = statSync(where.real);
    if (!stats.isFile()) return { problem: 'is not an ordinary file' };
    if (stats.size > MAX_CONTENT_BYTES) return { problem: 'is far too large' };
    return readFileSync(where.real);
  };
  const result = compileCourse(
    read(coursePath),
    modules.files.map(read),
    organisation,
    readCourseFile,
  );
  return modules.problem ? { diagnostics: [modules.problem, ...result.diagnostics] } : result;
}

/**
 * The organisation file and a reader for the logo it names. A file named outright (SG_ORG) may be
 * anywhere, as an edition's folder is the training lead's own; the logo must be in that folder.
 */
function readOrganisation(
  dir: string,
  organisationFile: string | undefined,
  name: (path: string) => string,
): OrganisationInput | undefined {
  const path = resolve(organisationFile ?? join(dir, ORGANISATION_FILE));
  if (!organisationFile && !lstatOrUndefined(path)) return undefined;
  const folder = realpathOrSelf(dirname(path));
  const text: ContentText = lstatOrUndefined(path)
    ? readContentFile(path, name(path), folder)
    : {
        path: name(path),
        text: '',
        unreadable: {
          severity: 'error',
          file: name(path),
          line: 1,
          column: 1,
          message: 'organisation file not found (SG_ORG names it)',
          fix: 'check the path in SG_ORG, or copy course/organisation.yaml there and fill it in',
        },
      };
  const readAsset = (asset: string): Uint8Array | { problem: string } => {
    const where = locate(join(folder, asset), folder);
    if ('message' in where)
      return { problem: lstatOrUndefined(join(folder, asset)) ? where.message : 'is not there' };
    const stats = statSync(where.real);
    if (!stats.isFile()) return { problem: 'is not an ordinary file' };
    if (stats.size > MAX_CONTENT_BYTES) return { problem: 'is far too large' };
    return readFileSync(where.real);
  };
  return { text, readAsset };
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** `<dir>/modules/*.yaml` (and `.yml`), sorted; none if the folder does not exist yet. */
export function moduleFileNames(dir: string): string[] {
  const modulesDir = join(dir, 'modules');
  if (!existsSync(modulesDir) || !statSync(modulesDir).isDirectory()) return [];
  return readdirSync(modulesDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(modulesDir, name));
}

/** The module files, or why the modules folder cannot be listed. */
function listModuleFiles(
  dir: string,
  name: (path: string) => string,
  courseRoot: string,
): { files: string[]; problem?: Diagnostic } {
  const modulesDir = join(dir, 'modules');
  if (!lstatOrUndefined(modulesDir)) return { files: [] };
  const problem = (message: string, fix: string): { files: string[]; problem: Diagnostic } => ({
    files: [],
    problem: { severity: 'error', file: name(modulesDir), line: 1, column: 1, message, fix },
  });
  const where = locate(modulesDir, courseRoot);
  if ('message' in where) return problem(where.message, where.fix);
  if (!statSync(where.real).isDirectory())
    return problem('"modules" is not a folder', 'make modules/ a folder of <module id>.yaml files');
  return { files: moduleFileNames(dir) };
}

/**
 * One content file's text, or (with a text that gives the file name as the module id, so that the
 * levels listing the module are not reported as well) the one reason it cannot be read.
 */
function readContentFile(path: string, file: string, courseRoot: string): ContentText {
  const refuse = (message: string, fix: string, line = 1, column = 1): ContentText => ({
    path: file,
    text: `id: ${basename(path).replace(/\.ya?ml$/, '')}\n`,
    unreadable: { severity: 'error', file, line, column, message, fix },
  });
  const where = locate(path, courseRoot);
  if ('message' in where) return refuse(where.message, where.fix);
  // The type first: reading a named pipe (or a device) would block until something writes to it.
  const stats = statSync(where.real);
  if (stats.isDirectory())
    return refuse(
      'this is a folder, not a file',
      'content files are YAML files; move what is in this folder out, or rename the folder without .yaml',
    );
  if (!stats.isFile())
    return refuse(
      'this is not an ordinary file (a named pipe, socket or device), so it cannot be read',
      'replace it with the YAML file itself',
    );
  if (stats.size > MAX_CONTENT_BYTES)
    return refuse(
      `the file is ${(stats.size / 1024 / 1024).toFixed(1)} MB; content files are at most ${MAX_CONTENT_BYTES / 1024 / 1024} MB`,
      'check this is the right file; split a very long module into two',
    );
  let bytes: Buffer;
  try {
    bytes = readFileSync(where.real);
  } catch (error) {
    return refuse(
      `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
      'check the file’s permissions',
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    const before = bytes.subarray(0, bad).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const shown = [...bytes.subarray(bad, bad + 4)]
      .slice(0, 2)
      .map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(' ');
    return refuse(
      `the text is not UTF-8 here (bytes ${shown})`,
      'save the file as UTF-8 (most editors offer it under "Save with encoding"), then check the characters on this line',
      line,
      column,
    );
  }
  return { path: file, text: bytes.toString('utf8') };
}

/**
 * Where a content path really is, following symbolic links, or why it cannot be used: a link that
 * loops, dangles or leads outside the course folder. Nothing is read.
 */
function locate(
  path: string,
  courseRoot: string,
): { real: string } | { message: string; fix: string } {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      return {
        message: 'this is a symbolic link that leads round in a loop',
        fix: 'replace the link with the file itself',
      };
    if (code === 'ENOENT')
      return {
        message: 'this is a symbolic link to a file that does not exist',
        fix: 'replace the link with the file itself, or remove it',
      };
    return {
      message: `this cannot be opened (${code ?? 'unknown error'})`,
      fix: 'check the file and its permissions',
    };
  }
  if (real !== courseRoot && !real.startsWith(courseRoot + sep))
    // The target is not named: it is outside the course, and not the author's to see here.
    return {
      message: 'this is a symbolic link to a file outside the course folder, which is not read',
      fix: 'copy the file into the course folder instead of linking to it',
    };
  return { real };
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The byte offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF included), or undefined when all of it is.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return i;
    i += length;
  }
  return undefined;
}
