/** `kg ingest <files or folders>`: extract and write documents into Neo4j, each whole or not at all. */
import { DatabaseUnavailableError, DEFAULT_BATCH_SIZE, ingestPaths } from '../ingest';
import { closePdfReader } from '../ingest/formats';
import { createProgress } from '../ingest/progress';
import { withGraph } from './graph';

const USAGE = `usage: kg ingest [--batch N] FILE_OR_FOLDER...

Extracts each document (folders: their .txt, .pdf, .docx and .html files, sorted; other files are
refused with a reason, the batch goes on) and writes it into Neo4j. Each
document is stored whole or not at all; up to N documents (default ${DEFAULT_BATCH_SIZE}, --batch 1: one
each) share a transaction, which makes bulk ingestion several times faster. If the database
refuses a document, the others of its transaction are written again without it and only that
file fails. A file whose content is already stored is skipped; a changed file replaces its
previous version; an interrupted run is finished by running the same command again. Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or the local server
of \`bash scripts/neo4j start\` (bolt://127.0.0.1:$NEO4J_BOLT_PORT, default 7687).
Exit status 1 when any file failed.`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let batchSize = DEFAULT_BATCH_SIZE;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--batch' || args[i].startsWith('--batch=')) {
      const value = args[i].includes('=') ? args[i].slice('--batch='.length) : args[++i];
      batchSize = Number(value);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
        console.error(`kg ingest: --batch takes a whole number of documents from 1 to 1000, not ${JSON.stringify(value ?? '')}`);
        return 2;
      }
    } else rest.push(args[i]);
  }
  const paths = rest.filter((a) => !a.startsWith('-'));
  const unknown = rest.filter((a) => a.startsWith('-'));
  if (unknown.length || paths.length === 0) {
    console.error(unknown.length ? `kg ingest: unknown option ${unknown.join(' ')}\n\n${USAGE}` : USAGE);
    return 2;
  }

  try {
    return await withGraph('ingest', async (driver, database) => {
      const progress = createProgress();
      const t0 = process.hrtime.bigint();
      let summary;
      try {
        summary = await ingestPaths(driver, paths, { database, batchSize, onFile: (r, i, n) => progress.file(r, i, n) });
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
    });
  } finally {
    await closePdfReader();
  }
}
