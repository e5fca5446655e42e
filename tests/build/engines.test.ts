import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Honest engines (issue 15): the Node versions package.json accepts are ones every installed
 * package accepts too, so `npm ci` on the oldest Node of each range it names warns about none.
 * Checked at each range's lowest version, against every non-optional package in the lock file.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { optional?: boolean; engines?: { node?: string } | string[] }>;
};

describe('package.json engines', () => {
  const ours = pkg.engines.node;
  const floors = ours.split('||').map((range) => semver.minVersion(range.trim())!.version);

  it('names a floor for each Node line it supports, and the lock file agrees', () => {
    expect(floors).toEqual(['20.19.0', '22.13.0']);
    expect((lock.packages[''] as { engines?: { node?: string } }).engines?.node).toBe(ours);
  });

  it('every installed package accepts the oldest Node of each line', () => {
    const refusing = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!path || entry.optional || !wanted) return [];
      return floors
        .filter((floor) => !semver.satisfies(floor, wanted))
        .map((floor) => `${path.replace(/^.*node_modules\//, '')} wants ${wanted}, not ${floor}`);
    });
    expect(refusing).toEqual([]);
  });
});
