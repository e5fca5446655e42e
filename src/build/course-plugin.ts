import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Logger, Plugin } from 'vite';
import type { CompileResult } from '../compiler/compile.ts';
import type { Course } from '../model/course.ts';
import { formatDiagnostics, hasErrors } from '../compiler/diagnostics.ts';
import { compileCourseDirectory } from '../compiler/load.ts';
import { CONTENT_ERROR_STYLESHEET, contentErrorPage } from './content-error-page.ts';
import { facilitatorPack } from '../facilitator/pack.ts';
import { MODULE_TEXT_CALLBACK, splitModule, BLANK_TEXT } from '../compiler/module-chunks.ts';
import { formatStateBudgets, overBudget, stateBudgets } from './state-budget.ts';
import { FIRST_VIEW_STYLESHEET, firstViewHtml, firstViewStylesheet } from './first-view.ts';

export interface CoursePluginOptions {
  /**
   * Folder holding course.yaml and modules/.
   * @default 'course'
   */
  readonly dir?: string;
  /**
   * The module id to import it by (tests also serve a small fixture course under another id).
   * @default 'virtual:course'
   */
  readonly id?: string;
  /**
   * Build for one level: the bundle then holds only that level and its modules. A SCORM package
   * teaches one level, and carrying the others would only add weight.
   * @default the VITE_LEVEL environment variable, else every level
   */
  readonly level?: string;
  /**
   * The edition's organisation file (src/compiler/organisation.ts).
   * @default the SG_ORG environment variable, else `<dir>/organisation.yaml`
   */
  readonly organisation?: string;
  /**
   * In a build, leave each module's scenario and question text out of the bundle, in a script of
   * its own (`modules/<id>-<hash>.js`) the page loads when the learner opens the module
   * (src/compiler/module-chunks.ts): the first view then parses only the outlines. The dev server
   * always serves the whole course.
   * @default false
   */
  readonly moduleScripts?: boolean;
}

const DEFAULTS = Object.freeze({ dir: 'course', id: 'virtual:course' });

/**
 * Compiles the course content at build time and serves it as `import course from 'virtual:course'`.
 * A content error fails the build with every problem listed as `file:line:column  what  (fix)`.
 * The dev server reloads the page when a content file changes, says in the terminal how the content
 * now reads, and while it has errors shows a page of its own in place of the course listing them
 * (Vite's overlay is unstyled under the page's CSP and shows a stack trace from node_modules).
 * The build also prints each level's worst-case saved-state size and fails past SCORM 1.2's limit.
 */
/** Where the dev server serves the facilitator packs: /facilitator/ (npm run dev). */
export const FACILITATOR_PATH = 'facilitator';
/** Where the dev server serves the content error page's stylesheet. */
export const CONTENT_ERROR_STYLESHEET_PATH = '__course/content-errors.css';

export function coursePlugin(options: CoursePluginOptions = {}): Plugin {
  const dir = resolve(options.dir ?? DEFAULTS.dir);
  const VIRTUAL_ID = options.id ?? DEFAULTS.id;
  const RESOLVED_ID = '\0' + VIRTUAL_ID;
  let isBuild = false;
  let level = options.level;
  let reported = false;
  /** The dev server's compile of the content, made again after each change to a content file. */
  let latest: CompileResult | undefined;
  const organisation = options.organisation && resolve(options.organisation);
  const compile = () => compileCourseDirectory(dir, undefined, organisation);
  const compiled = (): CompileResult => (latest ??= compile());
  /** The module text scripts of this build, written into the output by generateBundle. */
  let textScripts: TextScript[] = [];
  /** This build's course, when it is one level's (a package's): it gets a static first view. */
  let oneLevel: Course | undefined;

  return {
    name: `safeguarding:course:${VIRTUAL_ID}`,
    configResolved(config) {
      isBuild = config.command === 'build';
      level ??= (config.env.VITE_LEVEL as string | undefined) || undefined;
    },
    buildStart() {
      textScripts = [];
      oneLevel = undefined;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = isBuild ? compile() : compiled();
      if (hasErrors(result.diagnostics) || !result.course) {
        const count = result.diagnostics.filter((d) => d.severity === 'error').length;
        this.error(
          `The course content has ${count} error(s):\n${formatDiagnostics(result.diagnostics)}`,
        );
      }
      const budgets = stateBudgets(result.course);
      const over = overBudget(budgets);
      if (over.length > 0) {
        this.error(
          `Saved state can exceed SCORM 1.2's suspend_data limit:\n${formatStateBudgets(budgets)}\nShorten the levels named, or split them.`,
        );
      }
      // Warnings on every dev-server load (a training lead previewing an edit sees them at once),
      // once per build.
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
      if (warnings.length > 0 && (!isBuild || !reported))
        this.warn(`Content warnings:\n${formatDiagnostics(warnings)}`);
      if (isBuild && !reported) {
        reported = true;
        this.info(
          `Course "${result.course.title}" ${result.course.version} compiled.\n${formatStateBudgets(budgets)}`,
        );
      }
      const course = level ? onlyLevel(result.course, level) : result.course;
      if (!course) this.error(`VITE_LEVEL is "${level}", but the course has no such level.`);
      if (isBuild && course.levels.length === 1) oneLevel = course;
      if (isBuild && options.moduleScripts) {
        const split = splitCourse(course);
        textScripts = split.scripts;
        return split.code;
      }
      return `export default ${JSON.stringify(course)};\nexport const moduleTexts = {};`;
    },
    // A one-level build (a package) shows its module list while its script loads: see
    // first-view.ts. Written after the bundle, when the course has been compiled.
    transformIndexHtml: {
      order: 'post',
      handler(page) {
        const view = isBuild && oneLevel ? firstViewHtml(oneLevel) : undefined;
        if (!view) return page;
        if (!page.includes('<sg-app></sg-app>') || !page.includes('</head>'))
          throw new Error(
            'course-plugin: index.html has no empty <sg-app></sg-app> or no </head> for the first view to go in.',
          );
        return page
          .replace('<sg-app></sg-app>', `<sg-app>${view}</sg-app>`)
          .replace(
            '</head>',
            `  <link rel="stylesheet" href="./${FIRST_VIEW_STYLESHEET}" />\n  </head>`,
          );
      },
    },
    generateBundle() {
      for (const script of textScripts)
        this.emitFile({ type: 'asset', fileName: script.file, source: script.source });
      if (oneLevel)
        this.emitFile({
          type: 'asset',
          fileName: FIRST_VIEW_STYLESHEET,
          source: firstViewStylesheet(oneLevel),
        });
    },
    configureServer(server) {
      server.watcher.add(dir);
      const base = server.config.base;
      const errorPage = (result: CompileResult) =>
        contentErrorPage(result.diagnostics, {
          stylesheet: `${base}${CONTENT_ERROR_STYLESHEET_PATH}`,
          viteClient: `${base}@vite/client`,
        });
      /** The compile last reported in the terminal. */
      let lastReported: CompileResult | undefined;
      const reload = (file: string) => {
        if (!file.startsWith(dir) || !/\.ya?ml$/.test(file)) return;
        latest = undefined;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
        lastReported = compiled();
        reportReload(lastReported, server.config.logger);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
      // The facilitator packs and story maps, from the content as it is now (compiled on each
      // request, so an author sees a branch they just added): beside the step preview.
      server.middlewares.use(`/${FACILITATOR_PATH}/`, (req, res) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '');
        const result = compileCourseDirectory(dir);
        const page = result.course
          ? facilitatorPack(result.course).find((f) => f.path === (path || 'index.html'))
          : undefined;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        if (!result.course) {
          res.statusCode = 500;
          res.end(errorPage(result));
        } else if (!page) {
          res.statusCode = 404;
          res.end(
            '<!doctype html><title>Not found</title><p>No such page in the facilitator pack.</p>',
          );
        } else res.end(page.html);
      });
      server.middlewares.use(`${base}${CONTENT_ERROR_STYLESHEET_PATH}`, (_req, res) => {
        res.setHeader('content-type', 'text/css; charset=utf-8');
        res.end(CONTENT_ERROR_STYLESHEET);
      });
      // While the content has errors, the course page is this list of them instead.
      server.middlewares.use((req, res, next) => {
        if (!isPageRequest(req)) return next();
        const result = compiled();
        if (result.course) return next();
        // Errors found at start-up, before any change: the terminal lists them too, once.
        if (lastReported !== result) {
          lastReported = result;
          reportReload(result, server.config.logger);
        }
        res.statusCode = 500;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(errorPage(result));
      });
    },
  };
}

/**
 * One short report in the terminal after a content file changes: a line when the content reads
 * cleanly (its warnings are printed as the course reloads), else the errors, as the page shows them.
 */
function reportReload(result: CompileResult, logger: Logger): void {
  const count = (severity: 'error' | 'warning') =>
    result.diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (result.course)
    logger.info(`Content reloaded: 0 errors, ${plural(count('warning'), 'warning')}`, {
      timestamp: true,
    });
  else
    logger.error(
      `Content has ${plural(count('error'), 'error')}; the page lists them until they are fixed:\n${formatDiagnostics(result.diagnostics)}`,
      { timestamp: true },
    );
}

/** A browser asking for a page (the course's index.html), not a module, style or image. */
function isPageRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!req.headers.accept?.includes('text/html')) return false;
  const path = (req.url ?? '/').split('?')[0]!;
  return path.endsWith('/') || path.endsWith('.html');
}

interface TextScript {
  /** Relative to the page, e.g. `modules/child-h-1a2b3c4d.js`. */
  readonly file: string;
  readonly source: string;
}

/** Stands in the outline's JSON for each blank rich text, then becomes one shared constant. */
const BLANK_MARK = '\u0000blank';

/**
 * The `virtual:course` module of a build with module text scripts: the course with module
 * outlines, `moduleTexts` (module id → its script), and the scripts. A script's name carries a
 * hash of its contents, so an LMS or browser never serves one build's text to another's page.
 */
export function splitCourse(course: Course): { code: string; scripts: TextScript[] } {
  const scripts: TextScript[] = [];
  const files: Record<string, string> = {};
  const modules = course.modules.map((module) => {
    const { outline, text } = splitModule(module);
    const source = `${MODULE_TEXT_CALLBACK}(${JSON.stringify(module.id)},${JSON.stringify(text)});\n`;
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
    const file = `modules/${module.id}-${hash}.js`;
    scripts.push({ file, source });
    files[module.id] = file;
    return outline;
  });
  const json = JSON.stringify({ ...course, modules }, (_key, value: unknown) =>
    value === BLANK_TEXT ? BLANK_MARK : value,
  );
  const code =
    `const blank = ${JSON.stringify(BLANK_TEXT)};\n` +
    `export default ${json.replaceAll(JSON.stringify(BLANK_MARK), 'blank')};\n` +
    `export const moduleTexts = ${JSON.stringify(files)};`;
  return { code, scripts };
}

/** The course cut down to one level and the modules it uses. */
export function onlyLevel(course: Course, levelId: string): Course | undefined {
  const level = course.levels.find((l) => l.id === levelId);
  if (!level) return undefined;
  return {
    ...course,
    levels: [level],
    modules: course.modules.filter((m) => level.modules.includes(m.id)),
  };
}
