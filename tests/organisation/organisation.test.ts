import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCourse, type ContentText } from '../../src/compiler/compile.ts';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import {
  compileOrganisation,
  contrastRatio,
  paletteFailures,
  type OrganisationInput,
} from '../../src/compiler/organisation.ts';

const FIXTURES = 'tests/fixtures/organisations';
const northshire = `${FIXTURES}/northshire/organisation.yaml`;
const eastbay = `${FIXTURES}/eastbay/organisation.yaml`;
const lowContrast = `${FIXTURES}/low-contrast/organisation.yaml`;

/** The small valid fixture course, with the sample module's first text replaced. */
function courseWithText(scenarioText: string): { course: ContentText; module: ContentText } {
  const dir = 'tests/compiler/fixtures/valid';
  const moduleText = readFileSync(`${dir}/modules/sample.yaml`, 'utf8');
  const marker = '      text: A school rings about an *older* child.';
  expect(moduleText).toContain(marker);
  return {
    course: { path: `${dir}/course.yaml`, text: readFileSync(`${dir}/course.yaml`, 'utf8') },
    module: {
      path: `${dir}/modules/sample.yaml`,
      text: moduleText.replace(marker, `      text: ${scenarioText}`),
    },
  };
}

function organisation(path: string, text = readFileSync(path, 'utf8')): OrganisationInput {
  return { text: { path, text }, readAsset: () => ({ problem: 'is not there' }) };
}

const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('organisation file', () => {
  it('the repository’s neutral edition compiles and tells learners to use their own route', () => {
    const result = compileCourseDirectory('course', undefined, 'course/organisation.yaml');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const edition = result.course?.edition;
    expect(edition?.id).toBeUndefined();
    expect(edition?.contacts.dsl).toEqual({
      who: 'your organisation’s designated safeguarding lead (DSL)',
    });
    expect(edition?.procedures.text).toBe('your organisation’s safeguarding procedure');
    expect(edition?.theme).toEqual({});
  });

  it('an edition with a logo and colours compiles them into the course', () => {
    const result = compileCourseDirectory('course', undefined, northshire);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const edition = result.course!.edition!;
    expect(edition).toMatchObject({
      id: 'northshire-council',
      name: 'Northshire Council',
      contacts: {
        dsl: { phone: '01632 960 001', outOfHours: 'the Emergency Duty Team on 01632 960 999' },
        frontDoor: { phone: '01632 960 222' },
        lado: { email: 'lado@northshire.example' },
      },
      procedures: { url: 'https://procedures.northshire.example/' },
      theme: { '--sg-colour-button': '#5a2d82', '--sg-font-family': 'Arial, sans-serif' },
    });
    expect(edition.logo?.alt).toBe('Northshire Council');
    expect(edition.logo?.src).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('SG_ORG chooses the edition when no file is named', () => {
    const before = process.env.SG_ORG;
    process.env.SG_ORG = eastbay;
    try {
      expect(compileCourseDirectory('course').course?.edition?.name).toBe('Eastbay NHS Trust');
    } finally {
      if (before === undefined) delete process.env.SG_ORG;
      else process.env.SG_ORG = before;
    }
  });

  it('an organisation file SG_ORG names that is not there is a clear error', () => {
    const result = compileCourseDirectory(
      'course',
      undefined,
      `${FIXTURES}/none/organisation.yaml`,
    );
    expect(result.course).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringContaining('organisation file not found (SG_ORG names it)'),
    ]);
  });

  it('a contact without "who" and a phone written as a number are file:line errors', () => {
    const text = readFileSync(eastbay, 'utf8')
      .replace('    who: the Eastbay LADO\n', '')
      .replace('phone: 01632 960 444', 'phone: 0163296044');
    const result = compileOrganisation(organisation(eastbay, text));
    expect(result.edition).toBeUndefined();
    const shown = result.diagnostics.map(formatDiagnostic);
    expect(shown).toContainEqual(expect.stringMatching(/missing required field "who"/));
    expect(shown).toContainEqual(
      expect.stringMatching(new RegExp(`^${eastbay}:${lineOf(text, 'phone: 0163296044')}:`)),
    );
  });

  it('a logo that is missing is an error at its line', () => {
    const text = readFileSync(northshire, 'utf8');
    const result = compileOrganisation(organisation(northshire, text));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringContaining(
        `${northshire}:${lineOf(text, 'file: logo.svg')}:3  the logo "logo.svg" is not there`,
      ),
    ]);
  });
});

describe('palette contrast (WCAG 2.2 AA)', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // GOV.UK's link blue on white: 5.17:1.
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2);
  });

  it('a low-contrast palette fails, naming each failing pair at its line', () => {
    const text = readFileSync(lowContrast, 'utf8');
    const result = compileCourseDirectory('course', undefined, lowContrast);
    expect(result.course).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${lowContrast}:${lineOf(text, '  button: ')}:3  colours "button" #ffdd00 on "background" #ffffff \\(a button on the page\\) have a contrast of 1\\.34:1; WCAG 2\\.2 AA needs at least 3:1`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${lowContrast}:${lineOf(text, 'button-text:')}:3  colours "button-text" #eeeeee on "button" #ffdd00 \\(text on buttons\\) have a contrast of 1\\.16:1; WCAG 2\\.2 AA needs at least 4\\.5:1`,
        ),
      ),
    ]);
  });

  it('checks focus and links too, and passes the course’s own colours', () => {
    expect(paletteFailures({})).toEqual([]);
    expect(paletteFailures({ focus: '#222222' }).map((f) => f.roles)).toEqual([
      ['focus', 'text'],
      ['focus', 'text'],
    ]);
    expect(paletteFailures({ link: '#7fb2e5' }).map((f) => f.message)).toEqual([
      expect.stringContaining('"link" #7fb2e5 on "background" #ffffff (links on the page)'),
    ]);
  });
});

describe('placeholders in content', () => {
  it('fills {{contacts.dsl}}, {{contacts.front-door.phone}} and {{procedures}} from the edition', () => {
    const { course, module } = courseWithText(
      'Tell {{contacts.dsl}}. If you cannot, ring {{ contacts.front-door.phone }}. Read {{procedures}}.',
    );
    const result = compileCourse(course, [module], organisation(eastbay));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const step = result.course!.modules[0]!.scenario.steps[0]!;
    expect(step.type === 'narrative' && step.text.html).toBe(
      '<p>Tell the Eastbay Trust safeguarding team, on 01632 960 444 (every day, 8am to 8pm). ' +
        'If you cannot, ring 01632 960 555. Read <a href="https://intranet.eastbay.example/safeguarding" ' +
        'target="_blank" rel="noopener noreferrer">Eastbay Trust safeguarding children policy</a>.</p>',
    );
  });

  it('an unknown placeholder is an error at its own line and column', () => {
    const { course, module } = courseWithText('Tell {{contacts.dls}} today.');
    const result = compileCourse(course, [module], organisation(eastbay));
    const line = lineOf(module.text, '{{contacts.dls}}');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${module.path}:${line}:18  unknown placeholder \\{\\{contacts\\.dls\\}\\}  \\(use one of: \\{\\{name\\}\\}`,
        ),
      ),
    ]);
  });

  it('a value the content needs and the edition lacks is an error naming both files', () => {
    const { course, module } = courseWithText('Ring {{contacts.dsl.phone}}.');
    const neutral = 'course/organisation.yaml';
    const result = compileCourse(course, [module], organisation(neutral));
    expect(result.course).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${module.path}:${lineOf(module.text, 'Ring')}:18  {{contacts.dsl.phone}} needs "contacts.dsl.phone", which ${neutral} does not give  ` +
        `(add phone: under contacts: dsl: in ${neutral}, or use {{contacts.dsl}}, which needs only "who")`,
    ]);
  });

  it('a placeholder in a course with no organisation file says to create one', () => {
    const { course, module } = courseWithText('Tell {{contacts.dsl}}.');
    const result = compileCourse(course, [module]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '{{contacts.dsl}} needs an organisation file, and the course has none',
    ]);
  });
});
