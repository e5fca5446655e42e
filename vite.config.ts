import { defineConfig } from 'vite';
import { noticesPlugin } from './scorm/package/notices.ts';
import { coursePlugin } from './src/build/course-plugin.ts';

/**
 * The course as a web build. `base: './'` keeps every URL relative, which SCORM packages need
 * (an LMS serves a package from a folder of its own choosing).
 */
export default defineConfig({
  base: './',
  // noticesPlugin: THIRD-PARTY-NOTICES.txt for the npm packages bundled (Lit), in every build.
  plugins: [coursePlugin(), noticesPlugin()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    // The compiled course (every level's text) is part of the bundle: about 1 MB for the web
    // build of all levels, far less in a one-level package. That is content, not code.
    chunkSizeWarningLimit: 1500,
  },
});
