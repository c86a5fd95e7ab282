/**
 * Correctness under concurrency (no timing assertions; the timed load test is bench/load.ts):
 * 50 clients at once, each sending the whole query mix of the load test, all answered without error,
 * and the answers equal the same queries sent one at a time.
 */
import { operations } from '../../bench/load';
import { Harness, ok, startHarness } from './api-harness';

describe('50 concurrent clients with mixed queries', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('every request succeeds and matches the sequential answer', async () => {
    const ids = ok(await h.gql('{ entities(first: 100) { edges { node { id } } } documents(first: 20, ingestedOnly: true) { edges { node { id } } } }'));
    const entityIds: string[] = ids.entities.edges.map((e: { node: { id: string } }) => e.node.id);
    const documentIds: string[] = ids.documents.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(entityIds.length).toBeGreaterThan(10);
    const ops = operations(entityIds, documentIds);
    // Fixed work: each client sends every operation with variables drawn once up front.
    const work = Array.from({ length: 50 }, () => ops.map((op) => ({ op, variables: op.variables() })));
    // 50 clients at once, each sending its requests one after the other, as a client does.
    const answers = await Promise.all(
      work.map(async (list) => {
        const out = [];
        for (const { op, variables } of list) out.push(await h.gql(op.query, variables));
        return out;
      }),
    );
    const failures = answers.flat().filter((r) => r.status !== 200 || r.errors);
    expect(failures.map((f) => f.errors ?? f.status)).toEqual([]);
    expect(answers.flat()).toHaveLength(50 * ops.length);
    // Spot-check: the first client's answers equal the same requests made alone.
    for (const [i, { op, variables }] of work[0].entries()) {
      const alone = await h.gql(op.query, variables);
      if (op.name === 'search' || op.name === 'path') continue; // ties in ranking / equal-length paths may reorder
      expect({ op: op.name, data: answers[0][i].data }).toEqual({ op: op.name, data: alone.data });
    }
  }, 180_000);
});
