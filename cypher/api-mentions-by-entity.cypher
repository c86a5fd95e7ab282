// Mentions of several entities, batched: MENTIONS keeps one array slot per occurrence.
UNWIND $ids AS id
MATCH (d:Document)-[m:MENTIONS]->(:Entity {id: id})
UNWIND range(0, size(coalesce(m.starts, [])) - 1) AS i
RETURN id, d.id AS documentId, m.texts[i] AS text, m.starts[i] AS start, m.ends[i] AS end,
       m.mentionParagraphs[i] AS paragraph
ORDER BY id, documentId, start
