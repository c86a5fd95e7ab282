/** The ingest mutation: refused without the write token, works with it (throwaway document, removed after). */
import { Harness, ok, startHarness } from './api-harness';

const TOKEN = 'test-write-token';
const FILE = 'api-ingest-throwaway.txt';
// A short Arabic text naming a known agency, so the mutation's extraction has something to find.
const TEXT = 'تقرير تجريبي\n\n1- تعاون مكتب الأمم المتحدة المعني بالمخدرات والجريمة مع الدول في مكافحة الاتجار بالأشخاص.\n';

const MUTATION = `mutation($text: String!, $file: String!) {
  ingestDocument(text: $text, file: $file, metadata: { date: "2020-01-02", title: "وثيقة تجريبية" }) {
    documentId outcome changed entities document { id ... on Document { file date title paragraphs { text } } }
  } }`;

let h: Harness;
let noToken: Harness;
beforeAll(async () => {
  h = await startHarness({ writeToken: TOKEN });
  noToken = await startHarness({ writeToken: null });
}, 600_000);

async function removeThrowaway(): Promise<void> {
  // Undo exactly what the throwaway wrote: its node, paragraphs, mentions and relations.
  await h.driver.executeQuery(
    `MATCH (d:Document {file: $file})
     OPTIONAL MATCH (d)-[:HAS_PARAGRAPH]->(p:Paragraph)
     WITH d, collect(p) AS ps, d.id AS id
     OPTIONAL MATCH ()-[r {document: id}]->() DELETE r
     WITH d, ps FOREACH (p IN ps | DETACH DELETE p) DETACH DELETE d`,
    { file: FILE },
  );
}

afterAll(async () => {
  if (h) await removeThrowaway();
  await h?.close();
  await noToken?.close();
});

test('without the Authorization header the mutation is refused with UNAUTHENTICATED', async () => {
  const r = await h.gql(MUTATION, { text: TEXT, file: FILE });
  expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(r.errors?.[0].message).toMatch(/Authorization: Bearer/);
});

test('a wrong token is refused with FORBIDDEN', async () => {
  const r = await h.gql(MUTATION, { text: TEXT, file: FILE }, { authorization: 'Bearer not-the-token' });
  expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('a server without KG_WRITE_TOKEN refuses every write with FORBIDDEN and says how to enable it', async () => {
  const r = await noToken.gql(MUTATION, { text: TEXT, file: FILE }, { authorization: `Bearer ${TOKEN}` });
  expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(r.errors?.[0].message).toMatch(/KG_WRITE_TOKEN/);
  const [{ n }] = (await h.driver.executeQuery('MATCH (d:Document {file: $file}) RETURN count(d) AS n', { file: FILE })).records.map((x) => x.toObject());
  expect(n).toBe(0);
});

test('with the token the document is ingested and readable; the same text again changes nothing', async () => {
  const auth = { authorization: `Bearer ${TOKEN}` };
  const first = ok(await h.gql(MUTATION, { text: TEXT, file: FILE }, auth)).ingestDocument;
  expect(first).toMatchObject({ outcome: 'ingested', changed: true });
  expect(first.document).toMatchObject({ id: first.documentId, file: FILE, date: '2020-01-02', title: 'وثيقة تجريبية' });
  expect(first.document.paragraphs.map((p: any) => p.text).join('\n')).toContain('مكافحة الاتجار بالأشخاص');

  const mentioned = ok(await h.gql(`query($d: ID!) { entities(filter: { mentionedIn: $d }) { nodes { id } } }`, { d: first.documentId })).entities;
  expect(mentioned.nodes.map((n: any) => n.id)).toContain('agency:unodc');

  const again = ok(await h.gql(MUTATION, { text: TEXT, file: FILE }, auth)).ingestDocument;
  expect(again).toMatchObject({ outcome: 'unchanged', changed: false, documentId: first.documentId });
});
