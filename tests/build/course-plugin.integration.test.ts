import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { build, createLogger, createServer, type ViteDevServer } from 'vite';
import { coursePlugin } from '../../src/build/course-plugin.ts';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.ts';

/** A throwaway project: the valid fixture course and an entry that imports the compiled course. */
function scratchProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'course-plugin-'));
  cpSync('tests/compiler/fixtures/valid', join(root, 'course'), { recursive: true });
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

/** The course page's Content-Security-Policy, as index.html sets it. */
const COURSE_CSP = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
  readFileSync('index.html', 'utf8'),
)![1]!;

/** A scratch project with a page like the course's: its CSP, and the course title shown. */
function scratchSite(): string {
  const root = scratchProject();
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${COURSE_CSP}">
<title>Course</title><script type="module" src="/page.js"></script></head>
<body><h1 id="course-title">loading</h1></body></html>`,
  );
  writeFileSync(
    join(root, 'page.js'),
    "import course from 'virtual:course';\ndocument.querySelector('#course-title').textContent = course.title;\n",
  );
  return root;
}

/** A dev server on `root`, its terminal lines kept in `lines` (info, warn and error alike). */
async function devServer(root: string, lines: string[] = []): Promise<ViteDevServer> {
  const logger = createLogger('silent');
  logger.info = (message) => void lines.push(message);
  logger.warn = (message) => void lines.push(message);
  logger.error = (message) => void lines.push(message);
  const started = await createServer({
    root,
    customLogger: logger,
    configFile: false,
    server: { port: 0, strictPort: false },
    plugins: [coursePlugin({ dir: join(root, 'course') })],
  });
  await started.listen();
  // An edit made before the file watcher has scanned the course is not seen as a change.
  const modules = join(root, 'course', 'modules');
  await expect
    .poll(() => started.watcher.getWatched()[modules] ?? [], { timeout: 20_000 })
    .toContain('sample.yaml');
  return started;
}

/** What a page says, its markup taken away. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const roots: string[] = [];
let server: ViteDevServer | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
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
    editSampleModule(
      root,
      'It also describes neglect.',
      'It also describes neglect. Call 999 in an emergency.',
    );
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

  it('shows a content error as a page of file:line, problem and fix, under the course CSP, with no stack trace', async () => {
    const root = scratchSite();
    roots.push(root);
    editSampleModule(root, 'next: finding', 'next: fnding');
    server = await devServer(root);
    const base = server.resolvedUrls!.local[0]!;
    const response = await fetch(base, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(500);
    expect(textOf(html)).toMatch(
      /course\/modules\/sample\.yaml:\d+:\d+ {2}next step "fnding" does not exist {2}\(did you mean "finding"\?\)/,
    );
    expect(html).not.toMatch(/node_modules|\bat \S+ \(|server\.hmr\.overlay/);
    // Styled only in ways the course's own CSP allows: the same policy, a stylesheet from 'self'.
    expect(html).toContain(`content="${COURSE_CSP}"`);
    expect(html).not.toMatch(/<style|\sstyle=/);
    const sheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    const css = await fetch(new URL(sheet, base));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.problems');
  }, 60_000);

  it('goes back to the course once the content is fixed, and says so in the terminal', async () => {
    const root = scratchSite();
    roots.push(root);
    editSampleModule(root, 'next: finding', 'next: fnding');
    const lines: string[] = [];
    server = await devServer(root, lines);
    const base = server.resolvedUrls!.local[0]!;
    const page = () => fetch(base, { headers: { accept: 'text/html' } });
    expect((await page()).status).toBe(500);

    editSampleModule(root, 'next: fnding', 'next: finding');
    await expect
      .poll(() => lines.join('\n'), { timeout: 10_000 })
      .toMatch(/Content reloaded: 0 errors, 0 warnings/);
    const fixed = await page();
    expect(fixed.status).toBe(200);
    expect(await fixed.text()).toContain('id="course-title"');

    editSampleModule(root, 'next: finding', 'next: fnding');
    await expect
      .poll(() => lines.join('\n'), { timeout: 10_000 })
      .toMatch(
        /Content has 1 error; the page lists them until they are fixed:\n.*sample\.yaml:\d+:\d+ {2}next step "fnding"/,
      );
    expect(lines.join('\n')).not.toMatch(/node_modules|\bat \S+ \(/);
  }, 60_000);

  it('in Chromium, the error page is styled under the CSP and turns into the course when the file is saved fixed', async () => {
    const root = scratchSite();
    roots.push(root);
    editSampleModule(root, 'next: finding', 'next: fnding');
    server = await devServer(root);
    browser = await chromium.launch({
      executablePath: await findChromium(),
      args: [...CHROMIUM_ARGS],
    });
    const tab = await browser.newPage();
    const refused: string[] = [];
    tab.on('console', (m) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) refused.push(m.text());
    });
    // Vite's client says so on the console once its socket is open: the page can hear a reload.
    const connected = tab.waitForEvent('console', (m) => m.text().includes('[vite] connected'));
    await tab.goto(server.resolvedUrls!.local[0]!);
    await expect.poll(() => tab.locator('h1').textContent()).toBe('The course content has 1 error');
    // The stylesheet applied: the heading carries its red bar; nothing was refused by the CSP.
    expect(await tab.locator('h1').evaluate((h) => getComputedStyle(h).borderLeftColor)).toBe(
      'rgb(212, 53, 28)',
    );
    expect(await tab.locator('.problems li').count()).toBe(1);
    await connected;

    editSampleModule(root, 'next: fnding', 'next: finding');
    await expect
      .poll(
        () =>
          tab
            .locator('#course-title')
            .textContent({ timeout: 1000 })
            .catch(() => null),
        { timeout: 20_000 },
      )
      .toBe('Fixture course');
    expect(refused).toEqual([]);
  }, 90_000);
});
