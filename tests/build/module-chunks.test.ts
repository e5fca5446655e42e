import { describe, expect, it } from 'vitest';
import { splitCourse } from '../../src/build/course-plugin.ts';
import { loadCourse } from '../../scorm/package/build.ts';
import {
  BLANK_TEXT,
  joinModule,
  plainTextOf,
  splitModule,
  textLength,
} from '../../src/compiler/module-chunks.ts';
import type { Course } from '../../src/model/course.ts';
import {
  levelContent,
  levelOutcome,
  moduleHash,
  progressMeasure,
  restore,
  serialise,
} from '../../src/engine/index.ts';
import { play } from '../../scripts/players/learner.ts';

/**
 * A built package carries module outlines and loads each module's scenario and question text
 * when it is opened (src/compiler/module-chunks.ts). The engine must read an outline exactly as
 * the whole module: same hashes, same restore, so a learner is never reset for want of text.
 */
const course = loadCourse('course');
const outlines: Course = { ...course, modules: course.modules.map((m) => splitModule(m).outline) };

describe('module text scripts', () => {
  it('split then join gives every module of the course back, to the last character', () => {
    for (const module of course.modules) {
      const { outline, text } = splitModule(module);
      expect(text.length, module.id).toBe(textLength(outline));
      expect(joinModule(outline, text), module.id).toEqual(module);
    }
  });

  it('the outline keeps the summary and reflection, and blanks every step and question text', () => {
    const module = course.modules[0]!;
    const { outline } = splitModule(module);
    expect(outline.title).toBe(module.title);
    expect(outline.covers).toEqual(module.covers);
    expect(outline.reflection).toEqual(module.reflection);
    expect(JSON.stringify(outline.scenario)).not.toContain('<p>');
    const step = outline.scenario.steps.find((s) => s.type === 'narrative');
    expect(step && 'text' in step ? step.text : undefined).toBe(BLANK_TEXT);
  });

  it('text that does not fit the outline is refused, naming the module', () => {
    const { outline, text } = splitModule(course.modules[0]!);
    expect(() => joinModule(outline, text.slice(1))).toThrow(
      new RegExp(`module "${outline.id}" does not fit`),
    );
    expect(() => joinModule(outline, [...text.slice(1), 42 as unknown as string])).toThrow(
      /does not fit/,
    );
  });

  it('plain text is worked out from the html where the compiler would write the same', () => {
    expect(plainTextOf('<p>A <strong>b</strong> &amp; &quot;c&quot;</p>\n<p>&lt;d&gt;</p>')).toBe(
      'A b & "c" <d>',
    );
    // Most of the course's rich texts need no text of their own in the script.
    const texts = course.modules.flatMap((m) => splitModule(m).text);
    expect(texts.filter((t) => typeof t === 'string').length / texts.length).toBeGreaterThan(0.9);
  });

  it('module hashes, saved state, restore, progress and outcome are the same on outlines', () => {
    for (const level of course.levels) {
      const whole = levelContent(course, level.id);
      const outline = levelContent(outlines, level.id);
      whole.modules.forEach((m, i) =>
        expect(moduleHash(outline, outline.modules[i]!), m.id).toBe(moduleHash(whole, m)),
      );
      for (const outcome of ['pass', 'fail'] as const)
        for (const turn of play(whole, { outcome, seed: 7 })) {
          expect(serialise(outline, turn.learner)).toBe(turn.state);
          const fromOutline = restore(outline, turn.state, 1);
          expect(fromOutline.ok, `${level.id}: ${turn.state}`).toBe(true);
          expect(fromOutline).toEqual(restore(whole, turn.state, 1));
          expect(progressMeasure(outline, turn.learner)).toBe(progressMeasure(whole, turn.learner));
          expect(levelOutcome(outline, turn.learner)).toEqual(levelOutcome(whole, turn.learner));
        }
    }
  }, 60_000);

  it('a split course names one script per module, hashed by its contents, and no step text', () => {
    const one: Course = { ...course, modules: course.modules.slice(0, 2) };
    const { code, scripts } = splitCourse(one);
    expect(scripts.map((s) => s.file)).toEqual(
      one.modules.map((m) =>
        expect.stringMatching(new RegExp(`^modules/${m.id}-[0-9a-f]{8}\\.js$`)),
      ),
    );
    for (const script of scripts) {
      expect(code).toContain(JSON.stringify(script.file));
      expect(script.source).toMatch(/^__safeguardingModuleText\("[^"]+",\[/);
    }
    const narrative = one.modules[0]!.scenario.steps.find((s) => s.type === 'narrative');
    const html = narrative && 'text' in narrative ? narrative.text.html : '';
    expect(html.length).toBeGreaterThan(20);
    expect(code).not.toContain(JSON.stringify(html).slice(1, 40));
  });
});
