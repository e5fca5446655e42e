import { describe, expect, it } from 'vitest';
import course from 'virtual:fixture-course';
import '../../src/components/sg-app/sg-app.ts';

describe('<sg-app>', () => {
  it('renders the course title as the page heading and a heading per level', async () => {
    const app = document.createElement('sg-app');
    app.course = course;
    document.body.append(app);
    await app.updateComplete;
    const headings = [...(app.shadowRoot?.querySelectorAll('h1, h2') ?? [])].map(
      (h) => `${h.tagName} ${h.textContent}`,
    );
    expect(headings[0]).toBe(`H1 ${course.title}`);
    expect(headings.slice(1)).toEqual(course.levels.map((l) => `H2 ${l.title}`));
    app.remove();
  });
});
