import { defineConfig } from 'vite';
import { coursePlugin } from './src/build/course-plugin.ts';

/**
 * The course as a web build. `base: './'` keeps every URL relative, which SCORM packages need
 * (an LMS serves a package from a folder of its own choosing).
 */
export default defineConfig({
  base: './',
  plugins: [coursePlugin()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
});
