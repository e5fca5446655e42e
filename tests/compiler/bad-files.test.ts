import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';

/**
 * Content files that are not what they seem (issue 16, cases 11 and 12). Each test copies the valid
 * fixture course into a temp folder and spoils its one module file, modules/sample.yaml, which both
 * levels list: the spoilt file must give exactly one error, naming it (and the line and column
 * where that means something), and nothing may throw, hang or read outside the course folder.
 * Named pipes and symbolic links cannot live in git, so every fixture is made here.
 */

const VALID = 'tests/compiler/fixtures/valid';
let work: string;
let course: string;
let sample: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'sg-bad-files-'));
  course = join(work, 'course');
  cpSync(VALID, course, { recursive: true });
  sample = join(course, 'modules', 'sample.yaml');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Compiles the temp course, naming files from the temp folder (`course/modules/sample.yaml`). */
const compile = () => compileCourseDirectory(course, work);

/** The one error the spoilt course gives, as `file:line:column  message  (fix)`; fails on more. */
function onlyError(): string {
  const result = compile();
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  expect(errors, errors.join('\n')).toHaveLength(1);
  expect(result.course).toBeUndefined();
  return errors[0]!;
}

const sampleText = () => readFileSync(join(VALID, 'modules', 'sample.yaml'), 'utf8');

/** The sample with `inserted` put after "title: Sample" (line 3, so at column 14). */
function spoilTitle(inserted: Buffer | string) {
  const [before, after] = sampleText().split('title: Sample module');
  writeFileSync(
    sample,
    Buffer.concat([
      Buffer.from(`${before}title: Sample`),
      Buffer.from(inserted),
      Buffer.from(` module${after}`),
    ]),
  );
}

describe('bad content files: one error each, naming the file', () => {
  it('a YAML alias bomb (billion laughs): one error at the first alias, quickly', () => {
    writeFileSync(sample, aliasBomb());
    const started = performance.now();
    const error = onlyError();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error).toMatch(/^course\/modules\/sample\.yaml:3:\d+ {2}YAML: the aliases/);
  });

  it('a module path that is a folder', () => {
    rmSync(sample);
    mkdirSync(sample);
    expect(onlyError()).toMatch(
      /^course\/modules\/sample\.yaml:1:1 {2}this is a folder, not a file/,
    );
  });

  it('a course.yaml that is a folder', () => {
    rmSync(join(course, 'course.yaml'));
    mkdirSync(join(course, 'course.yaml'));
    expect(onlyError()).toMatch(/^course\/course\.yaml:1:1 {2}this is a folder/);
  });

  it('a symbolic link loop', () => {
    rmSync(sample);
    symlinkSync('other.yaml', sample);
    symlinkSync('sample.yaml', join(course, 'modules', 'other.yaml'));
    // Both links are module files, and each loops: one error for each, none for the levels.
    const errors = compile()
      .diagnostics.filter((d) => d.severity === 'error')
      .map(formatDiagnostic);
    expect(errors).toEqual([
      expect.stringMatching(/^course\/modules\/other\.yaml:1:1 {2}.*loop/),
      expect.stringMatching(/^course\/modules\/sample\.yaml:1:1 {2}.*loop/),
    ]);
  });

  it('a dangling symbolic link', () => {
    rmSync(sample);
    symlinkSync('gone.yaml', sample);
    expect(onlyError()).toMatch(
      /^course\/modules\/sample\.yaml:1:1 {2}this is a symbolic link to a file that does not exist/,
    );
  });

  // The named pipe is tried through `npm run validate`, below: on code that reads it, the read
  // blocks for ever, and only a child process with a time limit can fail instead of hanging.

  it('invalid UTF-8: an error at file:line:column', () => {
    spoilTitle(Buffer.from([0xc3, 0x28]));
    expect(onlyError()).toMatch(
      /^course\/modules\/sample\.yaml:3:14 {2}the text is not UTF-8 here \(bytes 0xC3 0x28\)/,
    );
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
  ])('the control character %s: an error at file:line:column', (name, character) => {
    spoilTitle(character);
    expect(onlyError()).toMatch(
      new RegExp(`^course/modules/sample\\.yaml:3:14 {2}the control character ${name} \\(U\\+00`),
    );
  });

  it('a symbolic link leading outside course/: refused, and nothing of that file is echoed', () => {
    const secret = join(work, 'outside.yaml');
    // YAML that would give errors quoting itself if it were read.
    writeFileSync(secret, 'id: sample\npassword: "hunter2 SECRET-TEXT\n  : [unclosed\n');
    rmSync(sample);
    symlinkSync(secret, sample);
    const error = onlyError();
    expect(error).toMatch(/^course\/modules\/sample\.yaml:1:1 {2}.*outside the course folder/);
    expect(JSON.stringify(compile())).not.toMatch(/hunter2|SECRET|unclosed|outside\.yaml/);
  });

  it('a modules folder that is a link leading outside course/: refused', () => {
    const elsewhere = join(work, 'elsewhere');
    cpSync(join(course, 'modules'), elsewhere, { recursive: true });
    rmSync(join(course, 'modules'), { recursive: true });
    symlinkSync(elsewhere, join(course, 'modules'));
    const errors = compile().diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(formatDiagnostic)[0]).toMatch(
      /^course\/modules:1:1 {2}.*outside the course folder/,
    );
  });
});

describe('`npm run validate` and the package build on a bad file', () => {
  it('validate exits non-zero with one file:line error and no stack trace, without hanging', () => {
    rmSync(sample);
    makeFifo(sample);
    // As `npm run validate` runs it, in a child process with a time limit: a hang (the named
    // pipe, on the old code) fails the test instead of stopping it.
    const validate = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/validate-course.ts', course],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(validate.error).toBeUndefined(); // no timeout
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/modules\/sample\.yaml:1:1 {2}this is not an ordinary file/);
    expect(validate.stdout).toContain('1 error(s)');
    expect(validate.stdout + validate.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('the package build stops before building, with the file:line error as its message', async () => {
    writeFileSync(sample, aliasBomb());
    const { buildPackages } = await import('../../scorm/package/build.ts');
    const started = performance.now();
    const error = await buildPackages({ courseDir: course, outDir: join(work, 'out') }).catch(
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(Error);
    // scripts/build-packages.ts prints the message alone (no stack) and exits 1.
    expect((error as Error).message).toMatch(/modules\/sample\.yaml:3:\d+ {2}YAML: the aliases/);
  }, 60_000);
});

/** "Billion laughs": nine levels of nine aliases each, 9^9 copies of "lol" once expanded. */
function aliasBomb(): string {
  const lines = ['id: sample', 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 9; i++) {
    const [prev, name] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function makeFifo(path: string) {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}
