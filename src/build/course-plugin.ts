import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Course } from '../content/types.ts';
import { formatDiagnostics, hasErrors } from '../content/diagnostics.ts';
import { compileCourseDirectory } from '../content/load.ts';
import { facilitatorPack } from '../facilitator/pack.ts';
import { escapeHtml } from '../facilitator/html.ts';
import { formatStateBudgets, overBudget, stateBudgets } from './state-budget.ts';

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
}

const DEFAULTS = Object.freeze({ dir: 'course', id: 'virtual:course' });

/**
 * Compiles the course content at build time and serves it as `import course from 'virtual:course'`.
 * A content error fails the build with every problem listed as `file:line:column  what  (fix)`;
 * the dev server shows the same list in its error overlay and reloads when a content file changes.
 * The build also prints each level's worst-case saved-state size and fails past SCORM 1.2's limit.
 */
/** Where the dev server serves the facilitator packs: /facilitator/ (npm run dev). */
export const FACILITATOR_PATH = 'facilitator';

export function coursePlugin(options: CoursePluginOptions = {}): Plugin {
  const dir = resolve(options.dir ?? DEFAULTS.dir);
  const VIRTUAL_ID = options.id ?? DEFAULTS.id;
  const RESOLVED_ID = '\0' + VIRTUAL_ID;
  let isBuild = false;
  let level = options.level;
  let reported = false;

  return {
    name: `safeguarding:course:${VIRTUAL_ID}`,
    configResolved(config) {
      isBuild = config.command === 'build';
      level ??= (config.env.VITE_LEVEL as string | undefined) || undefined;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const result = compileCourseDirectory(dir);
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
      return `export default ${JSON.stringify(course)};`;
    },
    configureServer(server) {
      server.watcher.add(dir);
      const reload = (file: string) => {
        if (!file.startsWith(dir) || !/\.ya?ml$/.test(file)) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
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
          res.end(
            `<!doctype html><title>Content errors</title><pre>${escapeHtml(formatDiagnostics(result.diagnostics))}</pre>`,
          );
        } else if (!page) {
          res.statusCode = 404;
          res.end(
            '<!doctype html><title>Not found</title><p>No such page in the facilitator pack.</p>',
          );
        } else res.end(page.html);
      });
    },
  };
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
