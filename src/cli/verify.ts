/** `kg verify [--repair] [--json]`: compares the graph with a fresh ingest of its stored documents. */
import { verifyGraph } from '../graph/verify';
import { withGraph } from './graph';

const USAGE = `usage: kg verify [--repair] [--json]

Re-extracts every ingested document from the text and metadata stored with it, and reports any
drift between the graph and a fresh ingest of those documents: a document's header, mentions,
relations, paragraphs or co-occurrence share; an entity's names, aliases, search keys, mention
count or kind properties; co-occurrence weights; relations citing a document that is not stored;
entities nothing refers to. Exit status 0 when there is none, 1 otherwise.
--repair   rewrite what drifted (documents from their stored source, then entities and edges)
           and verify again; exit status 0 when nothing is left.
--json     print the report as JSON.`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => !['--repair', '--json'].includes(a));
  if (unknown.length) {
    console.error(`kg verify: unknown argument ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const repair = args.includes('--repair');
  const json = args.includes('--json');
  return withGraph('verify', async (driver, database) => {
    const first = await verifyGraph(driver, { database, repair });
    const after = repair && first.drift.length ? await verifyGraph(driver, { database }) : null;
    if (json) {
      console.log(JSON.stringify(after ? { ...first, after } : first, null, 2));
    } else {
      for (const d of first.drift.slice(0, 200)) console.log(`drift  ${d.kind.padEnd(12)} ${d.id}: ${d.what}`);
      if (first.drift.length > 200) console.log(`... and ${first.drift.length - 200} more (--json lists all)`);
      console.log(`${first.documents} document(s), ${first.entities} entities checked: ${first.drift.length} drift(s)`);
      if (first.repaired) {
        const r = first.repaired;
        console.log(`repaired: ${r.documents} document(s) rewritten, ${r.entities} entities recomputed, ${r.cooccurrences} co-occurrence edge(s), ${r.strays} typed relation(s) folded (strays dropped)`);
      }
      if (after) console.log(`after repair: ${after.drift.length} drift(s)`);
    }
    return (after ?? first).drift.length === 0 ? 0 : 1;
  });
}
