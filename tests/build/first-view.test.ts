import { describe, expect, it } from 'vitest';
import { onlyLevel } from '../../src/build/course-plugin.ts';
import { firstViewCss, firstViewHtml, firstViewStylesheet } from '../../src/build/first-view.ts';
import type { Course } from '../../src/model/course.ts';
import { fixtureCourse } from '../engine/fixture.ts';

describe('a package’s static first view', () => {
  const course = fixtureCourse();
  const foundation = onlyLevel(course, 'foundation')!;

  it('lists the level’s modules in order under the module list’s heading, loading', () => {
    const html = firstViewHtml(foundation)!;
    expect(html).toContain('<h1><span class="caption">Foundation level</span> Your modules</h1>');
    expect(html).toContain(`<p class="course-title">${course.title}</p>`);
    expect(html).toContain('aria-busy="true"');
    const titles = [...html.matchAll(/<li class="module"><div><h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(titles).toEqual(
      foundation.levels[0]!.modules.map((id) => course.modules.find((m) => m.id === id)!.title),
    );
    // Nothing that only the script knows: no statuses, no buttons.
    expect(html).not.toMatch(/<button|class="tag|Not started/);
  });

  it('writes the course’s words as text, never as markup', () => {
    const hostile: Course = {
      ...foundation,
      title: 'A <script>alert(1)</script> & "course"',
      modules: foundation.modules.map((m) => ({ ...m, title: '<img src=x onerror=alert(1)>' })),
    };
    const html = firstViewHtml(hostile)!;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;course&quot;');
  });

  it('is for a one-level build only: the web build, with its level chooser, has none', () => {
    expect(course.levels.length).toBeGreaterThan(1);
    expect(firstViewHtml(course)).toBeUndefined();
  });

  it('is styled by the components’ own styles, :host read as its container, and the edition’s tokens', () => {
    const css = firstViewCss(foundation);
    expect(css).not.toContain(':host');
    expect(css).toContain('.first-view {');
    // sg-app's header and sg-module-list's rows, as their shadow roots have them.
    expect(css).toMatch(/header \{\s*color: #ffffff;\s*background: #0b0c0c;/);
    expect(css).toMatch(/\.module h2 \{/);
    expect(css).not.toContain('--sg-colour-brand: #123456');
    const themed: Course = {
      ...foundation,
      edition: {
        name: 'Example',
        contacts: course.edition?.contacts ?? {
          dsl: { who: 'DSL' },
          frontDoor: { who: 'Front door' },
          lado: { who: 'LADO' },
        },
        procedures: { text: 'Our procedures' },
        theme: { '--sg-colour-brand': '#123456' },
      },
    };
    expect(firstViewCss(themed)).toContain(':root { --sg-colour-brand: #123456; }');
  });

  it('is written minified, in syntax the browsers that run the script read', () => {
    const readable = firstViewCss(foundation);
    const sheet = firstViewStylesheet(foundation);
    expect(sheet.length).toBeLessThan(readable.length * 0.7);
    // The same rules: sg-app's header, the module list's row heading.
    expect(sheet).toMatch(/header\{color:#fff;[^}]*background:#0b0c0c\}/);
    expect(sheet).toContain('.module h2{');
    // Written for Chrome 94 and Safari 16.4 (es2022): min-width, not the range syntax
    // `(width>=…)` a minifier with no targets writes, which Chrome before 104 ignores.
    expect(readable).toContain('@media (min-width: 40.0625em)');
    expect(sheet).toContain('@media (min-width:40.0625em)');
    expect(sheet).not.toMatch(/\(width\s*[<>]/);
  });
});
