/** `kg ingest <files or folders>`: extract and write documents into Neo4j, one transaction each. */
import { createDriver, neo4jConfig } from '../graph/driver';
import { applySchema } from '../graph/schema';
import { DatabaseUnavailableError, ingestPaths } from '../ingest';
import { createProgress } from '../ingest/progress';

const USAGE = `usage: kg ingest FILE_OR_FOLDER...

Extracts each document (folders: their .txt files, sorted) and writes it into Neo4j in one
transaction per document. A file whose content is already stored is skipped; a changed file
replaces its previous version. Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or the local server
of \`bash scripts/neo4j start\` (bolt://127.0.0.1:$NEO4J_BOLT_PORT, default 7687).
Exit status 1 when any file failed.`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const paths = args.filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length || paths.length === 0) {
    console.error(unknown.length ? `kg ingest: unknown option ${unknown.join(' ')}\n\n${USAGE}` : USAGE);
    return 2;
  }

  const cfg = neo4jConfig();
  const driver = createDriver(cfg);
  try {
    try {
      await driver.verifyConnectivity({ database: cfg.database });
    } catch (err) {
      console.error(`kg ingest: ${new DatabaseUnavailableError(err).message.replace(/Neo4j/, `Neo4j at ${cfg.uri}`)}`);
      return 1;
    }
    await applySchema(driver, { database: cfg.database });
    const progress = createProgress();
    const t0 = process.hrtime.bigint();
    let summary;
    try {
      summary = await ingestPaths(driver, paths, { database: cfg.database, onFile: (r, i, n) => progress.file(r, i, n) });
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) {
        process.stderr.write('\n');
        console.error(`kg ingest: ${err.message}`);
        return 1;
      }
      throw err;
    }
    progress.done(summary, Number(process.hrtime.bigint() - t0) / 1e9);
    if (summary.failed.length) {
      console.error(`kg ingest: ${summary.failed.length} file(s) failed (listed above); the others were processed`);
      return 1;
    }
    return 0;
  } finally {
    await driver.close();
  }
}
