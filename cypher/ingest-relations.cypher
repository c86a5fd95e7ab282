// Typed relations, one per (type, from, to, document, paragraph). The type comes from a
// parameter the loader validated against model/relations.json (isRelationType), never from text.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
