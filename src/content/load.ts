import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileCourse, type CompileResult, type ContentText } from './compile.ts';

/**
 * The file-system side of the compiler: reads `<dir>/course.yaml` and every
 * `<dir>/modules/*.yaml`, naming files relative to `root` in messages.
 */
export function compileCourseDirectory(dir: string, root = process.cwd()): CompileResult {
  const read = (path: string): ContentText => ({
    path: relative(root, path) || path,
    text: readFileSync(path, 'utf8'),
  });
  const coursePath = join(dir, 'course.yaml');
  if (!existsSync(coursePath)) {
    const file = relative(root, coursePath) || coursePath;
    const fix = 'create it (see docs/authoring.md), or name the folder that holds it';
    return {
      diagnostics: [
        { severity: 'error', file, line: 1, column: 1, message: 'course file not found', fix },
      ],
    };
  }
  return compileCourse(read(coursePath), moduleFileNames(dir).map(read));
}

/** `<dir>/modules/*.yaml` (and `.yml`), sorted; none if the folder does not exist yet. */
export function moduleFileNames(dir: string): string[] {
  const modulesDir = join(dir, 'modules');
  if (!existsSync(modulesDir)) return [];
  return readdirSync(modulesDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(modulesDir, name));
}
