/** CI fails when schema/schema.graphql is not what the code builds (run `npm run schema` and commit). */
import * as fs from 'fs';
import * as path from 'path';
import { schemaSDL } from '../../../src/api/schema';

test('schema/schema.graphql matches the schema built from the code', async () => {
  const file = path.join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const built = await schemaSDL();
  if (committed !== built) {
    throw new Error('schema/schema.graphql is out of date: run `npm run schema` (kg schema) and commit the file');
  }
});
