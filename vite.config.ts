import { defineConfig, type Plugin } from 'vite';
import { noticesPlugin } from './scorm/package/notices.ts';
import { coursePlugin } from './src/build/course-plugin.ts';

/**
 * The course as a web build. `base: './'` keeps every URL relative, which SCORM packages need
 * (an LMS serves a package from a folder of its own choosing).
 *
 * One classic script, not an ES module: Chromium and Edge refuse module scripts (and `crossorigin`
 * stylesheets) on a page opened from file://, so the web build copied to a file share showed a
 * blank page. A classic `defer` script runs from disk and in every LMS alike, so the web build and
 * the SCORM packages (scorm/package/build.ts builds them from this config) stay one bundle. The
 * CSS stays a file of its own (`cssCodeSplit: false`): injected as a <style> it would break the
 * page's CSP (`style-src 'self'`).
 */
export default defineConfig({
  base: './',
  // noticesPlugin: THIRD-PARTY-NOTICES.txt for the npm packages bundled (Lit), in every build.
  // moduleScripts: each module's scenario and question text in a classic script of its own,
  // modules/<id>-<hash>.js, loaded when the learner opens the module (src/module-text-loader.ts),
  // so the first view parses only the modules' outlines.
  plugins: [coursePlugin({ moduleScripts: true }), noticesPlugin(), classicScript()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // src/build/first-view.ts minifies the static first view's CSS for the browsers this needs.
    target: 'es2022',
    assetsInlineLimit: 0,
    // The compiled course's outlines (every level's) are part of the bundle; the scenario and
    // question text is in modules/*.js. That is content, not code.
    chunkSizeWarningLimit: 1500,
    cssCodeSplit: false,
    // No module chunks (the module text scripts are classic scripts the app adds itself), so
    // nothing to preload (and no polyfill for it to bundle).
    modulePreload: false,
    rolldownOptions: { output: { format: 'iife', codeSplitting: false } },
  },
});

/**
 * The built page loads the bundle as a classic script: `defer` keeps it running after <sg-app>
 * is parsed, as a module did; `crossorigin` goes, since file:// pages may make no CORS requests.
 */
function classicScript(): Plugin {
  return {
    name: 'safeguarding:classic-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (page) => {
        const classic = page
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
        // A Vite that writes these tags differently must not give a page that is blank from disk.
        if (/type="module"|crossorigin/.test(classic))
          throw new Error(
            'vite.config.ts (classicScript): the built index.html still loads a module script or a crossorigin file; update the tag patterns to match what Vite writes.',
          );
        return classic;
      },
    },
  };
}
