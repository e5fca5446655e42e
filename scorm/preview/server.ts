import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { readZip } from '../package/zip.ts';
import type { ScormVersion } from '../version.ts';

/**
 * The preview LMS's server: a small local HTTP server (no framework) that serves
 * - `/` the LMS page (scorm/preview/index.html) and its scripts (`/lms/*.ts`, transpiled on the fly),
 * - `/scorm-again/*` scorm-again's browser builds from node_modules,
 * - `/api/packages` the zips in the packages folder,
 * - `/packages/<zip>/<path>` any file inside a zip, read straight from the zip (what you test is
 *   exactly what you upload).
 */

export interface PreviewServerOptions {
  /** Folder of built zips. @default 'dist/packages' */
  readonly packagesDir?: string;
  /** @default 4174; 0 picks a free port */
  readonly port?: number;
  /** @default '127.0.0.1' (this machine only) */
  readonly host?: string;
}

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SCORM_AGAIN = resolve(HERE, '../../node_modules/scorm-again/dist');
/** The same icon the course ships (public/, copied into the web build and every package). */
const FAVICON = resolve(HERE, '../../public/favicon.svg');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.ts': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface PackageInfo {
  readonly file: string;
  readonly level: string;
  readonly version: ScormVersion;
  readonly bytes: number;
}

/** The zips in `dir`, with the level and version read from their names. */
export function listPackages(dir: string): PackageInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .flatMap((file) => {
      const match = /_([^_]+)_scorm(12|2004)_v[^_]+\.zip$/.exec(file);
      if (!match) return [];
      return [
        {
          file,
          level: match[1] as string,
          version: match[2] === '12' ? ('1.2' as const) : ('2004' as const),
          bytes: statSync(join(dir, file)).size,
        },
      ];
    });
}

export async function startPreviewServer(
  options: PreviewServerOptions = {},
): Promise<PreviewServer> {
  const packagesDir = resolve(options.packagesDir ?? 'dist/packages');
  const zips = new Map<string, { mtime: number; files: Map<string, Buffer> }>();

  const zipFiles = (file: string) => {
    const path = join(packagesDir, file);
    const mtime = statSync(path).mtimeMs;
    const cached = zips.get(file);
    if (cached?.mtime === mtime) return cached.files;
    const files = readZip(readFileSync(path));
    zips.set(file, { mtime, files });
    return files;
  };

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (path === '/' || path === '/index.html')
      return send(res, 200, readFileSync(join(HERE, 'index.html')), TYPES['.html'] as string);
    // The course's own icon: a browser asks for one on every page it shows at the top level
    // (Chromium's full build asks for /favicon.ico even when the page names none), and a 404 there
    // is a console error that the tests count.
    if (path === '/favicon.ico' || path === '/favicon.svg')
      return send(res, 200, readFileSync(FAVICON), TYPES['.svg'] as string);
    if (path.startsWith('/lms/') && path.endsWith('.ts')) {
      const file = safeJoin(HERE, path.slice('/lms/'.length));
      if (!file || !existsSync(file)) return send(res, 404, 'Not found', 'text/plain');
      const out = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          verbatimModuleSyntax: true,
        },
      });
      return send(res, 200, out.outputText, TYPES['.ts'] as string);
    }
    if (path.startsWith('/scorm-again/')) {
      const file = safeJoin(SCORM_AGAIN, path.slice('/scorm-again/'.length));
      if (!file || !existsSync(file)) return send(res, 404, 'Not found', 'text/plain');
      return send(res, 200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    }
    if (path === '/api/packages')
      return send(res, 200, JSON.stringify(listPackages(packagesDir)), TYPES['.json'] as string);
    const inZip = /^\/packages\/([^/]+\.zip)\/(.*)$/.exec(path);
    if (inZip) {
      const [, zip = '', entry = ''] = inZip;
      if (zip.includes('..') || !existsSync(join(packagesDir, zip)))
        return send(res, 404, 'No such package', 'text/plain');
      const body = zipFiles(zip).get(entry === '' ? 'index.html' : entry);
      if (!body) return send(res, 404, `${entry} is not in ${zip}`, 'text/plain');
      return send(res, 200, body, TYPES[extname(entry)] ?? 'application/octet-stream');
    }
    return send(res, 404, 'Not found', 'text/plain');
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      send(res, 500, String(error), 'text/plain');
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4174, host, resolveListen);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** `base` + `relative`, or undefined if the result would leave `base`. */
function safeJoin(base: string, relative: string): string | undefined {
  const full = normalize(join(base, relative));
  return full.startsWith(base.endsWith(sep) ? base : base + sep) ? full : undefined;
}
