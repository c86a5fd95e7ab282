// A row of a compiled relation (cypher/compiled-relation.cypher) when its list selects any field
// of the relation itself: [type, direction, other, count, documentCount, confidence, evidence],
// an evidence entry [text, documentId, paragraph, confidence]; lists, not maps (the driver decodes
// no key per row; src/api/compile/prefetch.ts toRelationValue reads them by position). A list
// selecting only `entity` (src/api/selection.ts ENDS_ONLY) gets __projection__ alone as its row:
// none of the relationship's properties is read or sent. __projection__: the other end's
// properties (compiled-node-summary or compiled-node-full). __evidence__: the evidence entries
// asked, as src/api/compile/statement.ts picks them: none (`[]`), the first alone from the stored
// best entry evBest (cypher/compiled-evidence-first.cypher: no evidence list and no paragraph is
// read, where a hub-to-hub fact's lists hold thousands of entries), or a page of them
// (cypher/compiled-evidence-page.cypher: sliced from the paragraphs).
[
  type(r), CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END,
  __projection__, r.count, r.documents, r.confidence,
  __evidence__
]
