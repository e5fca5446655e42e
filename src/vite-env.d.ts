/// <reference types="vite/client" />

/** The compiled course, served by src/build/course-plugin.ts. */
declare module 'virtual:course' {
  const course: import('./content/types.ts').Course;
  export default course;
}
