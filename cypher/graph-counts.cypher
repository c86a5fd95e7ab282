// Size of the graph: nodes, relationships, documents ingested with their text.
RETURN COUNT { MATCH (n) } AS nodes,
       COUNT { MATCH ()-[r]->() } AS relationships,
       COUNT { MATCH (d:Document) WHERE d.sha256 IS NOT NULL } AS documents
