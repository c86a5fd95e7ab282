// The evidence of a compiled relation row when the selection asks `evidence(first: n)`, n > 1:
// the first $__p__evidence entries at or above $__p__minConfidence (the lists are sorted by
// confidence, so those are a prefix), an entry [text, documentId, paragraph, confidence]. An entry
// stores its position (cypher/ingest-relations.cypher): the sentence is read for the entries
// returned only, as a slice of its Paragraph (a unique-id lookup).
[top IN [coalesce(r.evConfidence, [])[0..$__p__evidence]] |
  [i IN range(0, size(top) - 1) WHERE top[i] >= $__p__minConfidence | [{{EVIDENCE_TEXT(r, i)}}, r.evDocument[i], r.evParagraph[i], top[i]]]][0]
