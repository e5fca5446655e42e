import { readdirSync, readFileSync } from 'node:fs';
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
  const modulesDir = join(dir, 'modules');
  const moduleFiles = readdirSync(modulesDir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => read(join(modulesDir, name)));
  return compileCourse(read(join(dir, 'course.yaml')), moduleFiles);
}

/** Every file the compiled course depends on, for the dev server to watch. */
export function contentFiles(dir: string): string[] {
  const modulesDir = join(dir, 'modules');
  return [
    join(dir, 'course.yaml'),
    ...readdirSync(modulesDir)
      .filter((n) => /\.ya?ml$/.test(n))
      .map((n) => join(modulesDir, n)),
  ];
}
