import { joinModule, MODULE_TEXT_CALLBACK, type ModuleText } from './compiler/module-chunks.ts';
import type { Module } from './model/course.ts';

/**
 * Where the app gets a module's text when the build left it out of the bundle
 * (src/compiler/module-chunks.ts): `ready` says whether it is here, `load` fetches it.
 */
export interface ModuleTexts {
  /** The whole module if its text is here (a module with no text script always is), else undefined. */
  ready(module: Module): Module | undefined;
  /** The whole module; rejects, with a message naming the file, when its script fails. */
  load(module: Module): Promise<Module>;
}

/**
 * Loads a module's text as a classic `<script src="modules/<id>-<hash>.js">`, which calls back
 * `window.__safeguardingModuleText(id, texts)`. A classic script, not `fetch` or `import()`:
 * Chromium refuses both on a page opened from file://, and a same-origin script file is what the
 * page's CSP (`script-src 'self'`) allows. `files` maps module ids to their script (relative to
 * the page); a module not in it was built whole.
 */
export function scriptModuleTexts(
  files: Readonly<Record<string, string>>,
  doc: Document = document,
): ModuleTexts {
  const received = new Map<string, ModuleText>();
  const whole = new Map<string, Module>();
  const pending = new Map<string, Promise<Module>>();
  (window as unknown as Record<string, unknown>)[MODULE_TEXT_CALLBACK] = (
    id: unknown,
    text: unknown,
  ) => {
    if (typeof id === 'string' && Array.isArray(text)) received.set(id, text as ModuleText);
  };
  const fileOf = (module: Module) =>
    Object.hasOwn(files, module.id) ? files[module.id] : undefined;

  const fetchText = (module: Module, file: string) =>
    new Promise<Module>((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = file;
      script.async = true;
      const done = () => script.remove();
      script.onload = () => {
        done();
        const text = received.get(module.id);
        received.delete(module.id);
        if (!text) {
          reject(new Error(`${file} loaded but gave no text for module "${module.id}"`));
          return;
        }
        try {
          const joined = joinModule(module, text);
          whole.set(module.id, joined);
          resolve(joined);
        } catch (error) {
          reject(new Error(`${file}: ${(error as Error).message}`));
        }
      };
      script.onerror = () => {
        done();
        reject(new Error(`${file} could not be loaded (missing from the package, or blocked)`));
      };
      doc.head.append(script);
    });

  return {
    ready(module) {
      return fileOf(module) === undefined ? module : whole.get(module.id);
    },
    load(module) {
      const file = fileOf(module);
      if (file === undefined) return Promise.resolve(module);
      const known = whole.get(module.id);
      if (known) return Promise.resolve(known);
      let loading = pending.get(module.id);
      if (!loading) {
        // A failed load is forgotten, so "Try again" asks for the file again.
        loading = fetchText(module, file).finally(() => pending.delete(module.id));
        pending.set(module.id, loading);
      }
      return loading;
    },
  };
}
