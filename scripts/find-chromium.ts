import { existsSync } from 'node:fs';

/**
 * Finds a Chromium for tests and benchmarks without downloading anything (nothing can be fetched
 * at test time): CHROME_PATH, then a system Chromium or Chrome, then the headless Chromium that
 * the npm package @sparticuz/chromium ships inside itself (unpacked to the temp folder on first use).
 */
export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const system = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].find((path) => existsSync(path));
  if (system) return system;
  try {
    const chromium = (await import('@sparticuz/chromium')).default;
    return await chromium.executablePath();
  } catch (error) {
    throw new Error(
      'No Chromium found for the browser tests. Set CHROME_PATH, install Chromium ' +
        `(e.g. apt-get install chromium), or run npm ci to get @sparticuz/chromium. (${String(error)})`,
    );
  }
}

/** Flags for headless Chromium on a locked-down machine: no sandbox as root, no background calls. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
