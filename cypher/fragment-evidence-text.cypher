// An expression, not a statement: the sentence of evidence entry __i__ of typed relationship __r__,
// written into readers by the fragment EVIDENCE_TEXT(r, i) (src/graph/cypher.ts), so every reader follows
// one rule. An entry stores a position (cypher/ingest-relations.cypher): the slice of its
// Paragraph (a unique-id lookup), or evText when it lies in no paragraph (evAt -1).
CASE WHEN coalesce(__r__.evAt[__i__], -1) < 0 THEN __r__.evText[__i__] ELSE COLLECT { MATCH (evp:Paragraph {id: __r__.evDocument[__i__] + '#' + toString(__r__.evAt[__i__])}) RETURN substring(evp.text, __r__.evStart[__i__], __r__.evEnd[__i__] - __r__.evStart[__i__]) }[0] END
