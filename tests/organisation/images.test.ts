import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCourse, type ContentText } from '../../src/compiler/compile.ts';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import { MAX_IMAGE_BYTES, type ReadCourseFile } from '../../src/compiler/images.ts';

/**
 * Images in content (issue 13): a Markdown image from the course folder is bundled as a data: URL;
 * no alt text, another site, another format, a missing file or an image over the budget is an
 * error at the image's own line and column.
 */
const DIR = 'tests/compiler/fixtures/valid';
const PNG = readFileSync('tests/fixtures/organisations/images/board.png');
const marker = '      text: A school rings about an *older* child.';

function compileWith(image: string, read: ReadCourseFile = readImages) {
  const moduleText = readFileSync(`${DIR}/modules/sample.yaml`, 'utf8');
  expect(moduleText).toContain(marker);
  const module: ContentText = {
    path: `${DIR}/modules/sample.yaml`,
    text: moduleText.replace(marker, `      text: "A school rings. ${image}"`),
  };
  const course = { path: `${DIR}/course.yaml`, text: readFileSync(`${DIR}/course.yaml`, 'utf8') };
  const result = compileCourse(course, [module], undefined, read);
  const line = module.text.split('\n').findIndex((l) => l.includes('A school rings.')) + 1;
  return { result, line, column: module.text.split('\n')[line - 1]!.indexOf('![') + 1 };
}

const readImages: ReadCourseFile = (path) =>
  path === 'images/board.png' ? PNG : { problem: 'is not there' };

describe('images in content', () => {
  it('bundles an image from the course folder, with its alt text', () => {
    const { result } = compileWith('![The club noticeboard](images/board.png)');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const step = result.course!.modules[0]!.scenario.steps[0]!;
    const html = step.type === 'narrative' ? step.text.html : '';
    expect(html).toContain(
      `<img src="data:image/png;base64,${PNG.toString('base64')}" alt="The club noticeboard">`,
    );
  });

  const cases = [
    ['no alt text', '![](images/board.png)', 'the image images/board.png has no alt text'],
    [
      'another site',
      '![A board](https://example.org/board.png)',
      'the image https://example.org/board.png is on another site; the course loads nothing from other sites',
    ],
    [
      'an SVG',
      '![A board](images/board.svg)',
      'the image images/board.svg is not a PNG, JPEG, GIF or WebP file',
    ],
    ['a missing file', '![A board](images/gone.png)', 'the image images/gone.png is not there'],
  ] as const;
  for (const [what, image, message] of cases)
    it(`${what} is an error at the image's line and column`, () => {
      const { result, line, column } = compileWith(image);
      expect(result.course).toBeUndefined();
      expect(result.diagnostics.map(formatDiagnostic)).toEqual([
        expect.stringContaining(`${DIR}/modules/sample.yaml:${line}:${column}  ${message}`),
      ]);
    });

  it('an image over the size budget is an error saying both sizes', () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    const { result } = compileWith('![A board](images/board.png)', () => big);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      `the image images/board.png is 201 kB; an image may be at most 200 kB`,
    ]);
  });
});
