/// <reference types="vite/client" />
/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module cannot `import type` a relative path */

/** The compiled course, served by src/build/course-plugin.ts. */
declare module 'virtual:course' {
  const course: import('./model/course.ts').Course;
  export default course;
  /**
   * Module id → the script holding its scenario and question text, for a build made with the
   * plugin's `moduleScripts`; empty when the course above is whole (the dev server).
   */
  export const moduleTexts: Readonly<Record<string, string>>;
}

/** Tests only: the small fixture course in tests/compiler/fixtures/valid. */
declare module 'virtual:fixture-course' {
  const course: import('./model/course.ts').Course;
  export default course;
}
