import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { moduleSchema } from '../src/questions/schema.ts';

/**
 * Writes course/schema/module.schema.json from the registered question types (src/questions/), for
 * editors. Run it after adding or changing a question type:
 *
 *     npx tsx scripts/write-module-schema.ts
 */
const path = fileURLToPath(new URL('../course/schema/module.schema.json', import.meta.url));
const text = await format(JSON.stringify(moduleSchema(), null, 2), {
  ...(await resolveConfig(path)),
  filepath: path,
});
const before = readFileSync(path, 'utf8');
writeFileSync(path, text);
console.log(before === text ? `${path}: unchanged.` : `${path}: written.`);
