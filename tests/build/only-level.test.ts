import { describe, expect, it } from 'vitest';
import { onlyLevel } from '../../src/build/course-plugin.ts';
import { fixtureCourse } from '../engine/fixture.ts';

describe('onlyLevel', () => {
  const course = fixtureCourse();

  it('keeps the chosen level and the modules it uses, and the course identity', () => {
    const advanced = onlyLevel(course, 'advanced');
    expect(advanced?.levels.map((l) => l.id)).toEqual(['advanced']);
    expect(advanced?.modules.map((m) => m.id)).toEqual(['sample']);
    expect({ id: advanced?.id, version: advanced?.version }).toEqual({
      id: course.id,
      version: course.version,
    });
  });

  it('drops modules the level does not use', () => {
    const extra = {
      ...course,
      modules: [...course.modules, { ...course.modules[0]!, id: 'unused' }],
    };
    expect(onlyLevel(extra, 'foundation')?.modules.map((m) => m.id)).toEqual(['sample']);
  });

  it('has nothing for an unknown level', () => {
    expect(onlyLevel(course, 'expert')).toBeUndefined();
  });
});
