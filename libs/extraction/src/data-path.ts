import { existsSync } from 'fs';
import { dirname, join } from 'path';

const DATA_FROM_ROOT = join('libs', 'extraction', 'data');

let cached: string | null = null;

/**
 * The folder holding the extraction data files (libs/extraction/data). Found by walking up from
 * this file, so it works from ts-jest (libs/extraction/src) and from the compiled dist/ tree;
 * SITREP_EXTRACTION_DATA overrides it (e.g. for a packaged deployment).
 */
export function extractionDataDir(): string {
  if (cached) return cached;
  const override = process.env.SITREP_EXTRACTION_DATA;
  if (override) return (cached = override);
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, DATA_FROM_ROOT);
    if (existsSync(candidate)) return (cached = candidate);
    // A build that copies the data next to the compiled library (dist/libs/extraction/data).
    const sibling = join(dir, 'data');
    if (dir.endsWith(join('libs', 'extraction')) && existsSync(sibling)) return (cached = sibling);
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`extraction data folder (${DATA_FROM_ROOT}) not found above ${__dirname}`);
    dir = parent;
  }
}

/** Absolute path of a file under libs/extraction/data, e.g. dataPath('actors', 'bodies.json'). */
export function dataPath(...parts: string[]): string {
  return join(extractionDataDir(), ...parts);
}
