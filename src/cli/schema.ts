/** kg schema: writes schema/schema.graphql from the code; --check fails when the committed file differs. */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../model';
import { schemaSDL } from '../api/schema';

export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

export async function run(args: string[]): Promise<number> {
  const file = path.join(packageRoot(), SCHEMA_FILE);
  const sdl = await schemaSDL();
  if (args.includes('--check')) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (committed === sdl) {
      console.log(`${SCHEMA_FILE} is up to date`);
      return 0;
    }
    console.error(
      committed === null
        ? `${SCHEMA_FILE} is missing. Run "npm run schema" (kg schema) and commit it.`
        : `${SCHEMA_FILE} differs from the schema the code builds. Run "npm run schema" (kg schema) and commit the result.`,
    );
    return 1;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${SCHEMA_FILE} (${sdl.split('\n').length} lines)`);
  return 0;
}
