import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import courseYaml from '../../course/course.yaml?raw';
import neutralYaml from '../../course/organisation.yaml?raw';
import eastbayYaml from '../fixtures/organisations/eastbay/organisation.yaml?raw';
import northshireLogo from '../fixtures/organisations/northshire/logo.svg?raw';
import northshireYaml from '../fixtures/organisations/northshire/organisation.yaml?raw';
import '../../src/components/sg-app/sg-app.ts';
import '../../src/components/sg-reflection/sg-reflection.ts';
import {
  emptyAnswers,
  reflectiveLogText,
} from '../../src/components/sg-reflection/reflective-log.ts';
import { compileCourse } from '../../src/compiler/compile.ts';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import type { Course } from '../../src/model/course.ts';
import {
  button,
  deepQuery,
  expectNoAxeViolations,
  memorySession,
  mount,
  settled,
  text,
} from '../components/helpers.ts';

/**
 * Issue 13: an organisation's edition, in real Chromium. The real course is compiled here, in the
 * browser, with each edition's organisation file (the compiler is pure; load.ts only reads files),
 * then taken by a learner to the induction module's start. Each edition's contacts must show in
 * the support under the content note and in the footer, its colours on the buttons, and axe must
 * find nothing.
 */
const modules = import.meta.glob<string>('../../course/modules/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function courseFor(path: string, yaml: string, assets: Record<string, string> = {}): Course {
  const result = compileCourse(
    { path: 'course/course.yaml', text: courseYaml },
    Object.entries(modules).map(([file, text]) => ({ path: file.slice(6), text })),
    {
      text: { path, text: yaml },
      readAsset: (name) =>
        name in assets ? new TextEncoder().encode(assets[name]) : { problem: 'is not there' },
    },
  );
  expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual(
    [],
  );
  return result.course!;
}

/** The app at the induction level's first module start, and the support and footer text. */
async function moduleStart(course: Course) {
  const app = await mount('sg-app', { course, level: 'induction', session: memorySession() });
  await settled(app);
  await userEvent.click(button(app, 'Start'));
  await settled(app);
  const start = deepQuery(app, 'sg-module-start')!;
  return {
    app,
    support: text(deepQuery(start, 'section.warning')),
    footer: text(deepQuery(app, 'footer')),
    buttonColour: getComputedStyle(button(start, 'Start the scenario')).backgroundColor,
  };
}

describe('an organisation’s edition in the course', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.removeAttribute('style');
  });

  it('Northshire (logo and colours): its contacts at the module start and in the footer, its colours on the buttons', async () => {
    const course = courseFor(
      'tests/fixtures/organisations/northshire/organisation.yaml',
      northshireYaml,
      { 'logo.svg': northshireLogo },
    );
    const { app, support, footer, buttonColour } = await moduleStart(course);
    expect(support).toContain(
      'Talk to your manager or Sam Patel, Designated Safeguarding Lead, on 01632 960 001 or safeguarding@northshire.example (Monday to Friday, 8.30am to 5pm; out of hours: the Emergency Duty Team on 01632 960 999).',
    );
    expect(support).toContain(
      'If a child may be at risk and you cannot reach the DSL, contact the Northshire Children’s Front Door (MASH), on 01632 960 222.',
    );
    expect(support).toContain(
      'If the worry is about a member of staff or a volunteer, contact the Northshire LADO team, on 01632 960 333 or lado@northshire.example.',
    );
    const procedures = deepQuery<HTMLAnchorElement>(app, 'section.warning a')!;
    expect(procedures.href).toBe('https://procedures.northshire.example/');
    expect(text(procedures)).toBe(
      'Northshire Safeguarding Children Partnership procedures (opens in a new tab)',
    );
    expect(footer).toContain('This course is provided by Northshire Council.');
    expect(footer).toContain(
      'Talk to your manager or Sam Patel, Designated Safeguarding Lead, on 01632 960 001',
    );
    const logo = deepQuery<HTMLImageElement>(app, 'footer img')!;
    expect(logo.alt).toBe('Northshire Council');
    expect(logo.complete && logo.naturalWidth).toBeGreaterThan(0);
    // Shown at 40px high whatever its file's size (content images' max-width rule leaves it).
    expect(logo.getBoundingClientRect().height).toBe(40);
    // #5a2d82, the edition's button colour, through the --sg-colour-button token.
    expect(buttonColour).toBe('rgb(90, 45, 130)');
    await expectNoAxeViolations();
  });

  it('Eastbay (contacts only): its own contacts, and the course’s own colours', async () => {
    const course = courseFor('tests/fixtures/organisations/eastbay/organisation.yaml', eastbayYaml);
    const { app, support, footer, buttonColour } = await moduleStart(course);
    expect(support).toContain(
      'Talk to your manager or the Eastbay Trust safeguarding team, on 01632 960 444 (every day, 8am to 8pm).',
    );
    expect(support).toContain('Eastbay Children’s Services Contact Centre, on 01632 960 555');
    expect(support).toContain('contact the Eastbay LADO, on 01632 960 666');
    expect(support).not.toContain('Northshire');
    expect(footer).toContain('the Eastbay Trust safeguarding team, on 01632 960 444');
    expect(deepQuery(app, 'footer img')).toBeNull();
    expect(buttonColour).toBe('rgb(0, 112, 60)');
    await expectNoAxeViolations();
  });

  it('the reflective log says who to tell about a worry, on screen, in print and in the download', async () => {
    const course = courseFor('tests/fixtures/organisations/eastbay/organisation.yaml', eastbayYaml);
    const module = course.modules.find((m) => m.id === 'induction-essentials')!;
    const line =
      'If reflecting on this has raised a worry about a child, tell the Eastbay Trust safeguarding team, on 01632 960 444 (every day, 8am to 8pm).';
    const el = await mount('sg-reflection', {
      module,
      edition: course.edition!,
      courseId: course.id,
      levelId: 'induction',
      learnerId: 'edition-test',
    });
    await settled(el);
    expect(text(deepQuery(el, '.who-to-tell'))).toBe(line);
    expect(text(deepQuery(el, 'section.print-log'))).toContain(
      'Who to tell about a worry the Eastbay Trust safeguarding team, on 01632 960 444',
    );
    const log = reflectiveLogText(
      module,
      emptyAnswers(module),
      '3 December 2026',
      'C',
      'L',
      course.edition,
    );
    expect(log.trim().split('\n').at(-1)).toBe(line);
    await expectNoAxeViolations();
  });

  it('the neutral edition tells learners to use their own organisation’s route', async () => {
    const course = courseFor('course/organisation.yaml', neutralYaml);
    const { support, footer } = await moduleStart(course);
    expect(support).toContain(
      'Talk to your manager or your organisation’s designated safeguarding lead (DSL).',
    );
    expect(support).toContain(
      'If you are worried about a child, follow your organisation’s safeguarding procedure and speak to your DSL.',
    );
    expect(support).not.toContain('front door');
    expect(support).not.toContain('LADO');
    expect(footer).toContain(
      'Need support? Talk to your manager or your organisation’s designated safeguarding lead (DSL).',
    );
    await expectNoAxeViolations();
  });
});
