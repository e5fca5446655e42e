import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build, createLogger, createServer, type ViteDevServer } from 'vite';
import { coursePlugin } from '../../src/build/course-plugin.ts';

/** A throwaway project: the valid fixture course and an entry that imports the compiled course. */
function scratchProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'course-plugin-'));
  cpSync('tests/content/fixtures/valid', join(root, 'course'), { recursive: true });
  writeFileSync(
    join(root, 'entry.js'),
    "import course from 'virtual:course';\nexport const title = course.title;\n",
  );
  return root;
}

/** Replaces `from` with `to` in the scratch project's one module file. */
function editSampleModule(root: string, from: string, to: string) {
  const path = join(root, 'course', 'modules', 'sample.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

const roots: string[] = [];
let server: ViteDevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true }));
});

function buildProject(root: string) {
  return build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [coursePlugin({ dir: join(root, 'course') })],
    build: {
      lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: () => 'out.js' },
      outDir: join(root, 'dist'),
      write: true,
    },
  });
}

describe('course plugin', () => {
  it('puts the compiled course into the build', async () => {
    const root = scratchProject();
    roots.push(root);
    await buildProject(root);
    const output = readFileSync(join(root, 'dist', 'out.js'), 'utf8');
    expect(output).toContain('Fixture course');
    expect(output).toContain('<p>Practitioners who <em>assess</em>.</p>');
  });

  it('fails the build on a content error, naming file, line and fix', async () => {
    const root = scratchProject();
    roots.push(root);
    editSampleModule(root, 'next: finding', 'next: fnding');
    await expect(buildProject(root)).rejects.toThrow(
      /course\/modules\/sample\.yaml:\d+:\d+ {2}next step "fnding" does not exist {2}\(did you mean "finding"\?\)/,
    );
  });

  it('serves fresh content and asks the browser to reload when a content file is saved', async () => {
    const root = scratchProject();
    roots.push(root);
    server = await createServer({
      root,
      logLevel: 'silent',
      configFile: false,
      server: { port: 0, strictPort: false },
      plugins: [coursePlugin({ dir: join(root, 'course') })],
    });
    await server.listen();
    const sent: unknown[] = [];
    const send = server.ws.send.bind(server.ws);
    server.ws.send = ((...args: Parameters<typeof send>) => {
      sent.push(args[0]);
      return send(...args);
    }) as typeof send;

    const before = await server.transformRequest('virtual:course');
    expect(before?.code).toContain('Fixture course');

    const coursePath = join(root, 'course', 'course.yaml');
    writeFileSync(
      coursePath,
      readFileSync(coursePath, 'utf8').replace('title: Fixture course', 'title: Edited course'),
    );
    await expect.poll(() => sent, { timeout: 5000 }).toContainEqual({ type: 'full-reload' });
    const after = await server.transformRequest('virtual:course');
    expect(after?.code).toContain('Edited course');
  });

  it('shows content warnings in the dev server each time the content is loaded', async () => {
    const root = scratchProject();
    roots.push(root);
    editSampleModule(root, 'content-note:', 'content-note: Call 999. #');
    const warnings: string[] = [];
    const logger = createLogger('silent');
    logger.warn = (message) => void warnings.push(message);
    server = await createServer({
      root,
      customLogger: logger,
      configFile: false,
      server: { port: 0, strictPort: false },
      plugins: [coursePlugin({ dir: join(root, 'course') })],
    });
    await server.transformRequest('virtual:course');
    expect(warnings.join('\n')).toMatch(
      /course\/modules\/sample\.yaml:\d+:\d+ {2}warning: the content note repeats the standard support/,
    );
  });

  it('serves the facilitator pack and story map of the content as it is now', async () => {
    const root = scratchProject();
    roots.push(root);
    server = await createServer({
      root,
      logLevel: 'silent',
      configFile: false,
      server: { port: 0, strictPort: false },
      plugins: [coursePlugin({ dir: join(root, 'course') })],
    });
    await server.listen();
    const base = server.resolvedUrls!.local[0]!;
    const index = await fetch(`${base}facilitator/`);
    expect(index.status).toBe(200);
    const level = /href="([^"/]+)\/index\.html"/.exec(await index.text())![1]!;
    const levelPage = await (await fetch(`${base}facilitator/${level}/index.html`)).text();
    const module = /<a href="([^"/-]+)\.html">/.exec(levelPage)![1]!;
    const before = await (await fetch(`${base}facilitator/${level}/${module}.html`)).text();
    expect(before).toContain('<svg');
    expect(before).toContain('class="story-map-list"');
    editSampleModule(root, 'title: ', 'title: Renamed for the pack test ');
    const after = await (await fetch(`${base}facilitator/${level}/${module}.html`)).text();
    expect(after).toContain('Renamed for the pack test');
    expect((await fetch(`${base}facilitator/no-such-page.html`)).status).toBe(404);
  });
});
