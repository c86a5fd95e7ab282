/** `kg remove <document id | file>...`: takes ingested documents back out, all in one transaction. */
import { DocumentNotFoundError, removeDocuments } from '../graph/remove';
import { withGraph } from './graph';

const USAGE = `usage: kg remove DOCUMENT_ID_OR_FILE...

Takes ingested documents back out of the graph: their mentions, typed relations, co-occurrence
shares and paragraphs go, entities nothing refers to any more are deleted, the others are
recomputed from the remaining documents, so the graph equals a fresh ingest of the others. A
document is named by its id (document:a-hrc-32-41) or its file (a-hrc-32-41.txt; a path is
reduced to its file name). All the documents named go in one transaction: if one is not stored,
nothing is removed (exit status 1).`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-'));
  const refs = args.filter((a) => !a.startsWith('-'));
  if (unknown.length || refs.length === 0) {
    console.error(unknown.length ? `kg remove: unknown option ${unknown.join(' ')}\n\n${USAGE}` : USAGE);
    return 2;
  }
  return withGraph('remove', async (driver, database) => {
    try {
      const removed = await removeDocuments(driver, refs, { database });
      for (const r of removed) console.log(`removed  ${r.documentId}  (${r.file})`);
      console.log(`${removed.length} document(s) removed`);
      return 0;
    } catch (err) {
      if (err instanceof DocumentNotFoundError) {
        console.error(`kg remove: ${err.message}`);
        return 1;
      }
      throw err;
    }
  });
}
