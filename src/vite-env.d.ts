/// <reference types="vite/client" />

/** The compiled course, served by src/build/course-plugin.ts. */
declare module 'virtual:course' {
  const course: import('./content/types.ts').Course;
  export default course;
}

/** Tests only: the small fixture course in tests/content/fixtures/valid. */
declare module 'virtual:fixture-course' {
  const course: import('./content/types.ts').Course;
  export default course;
}
