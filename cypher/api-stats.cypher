// Counts per kind and per relation type, and the number of mentions, in one round trip.
// Every kind and type of the model is listed, zero included.
CALL { MATCH (e:Entity) WITH e.kind AS kind, count(*) AS n RETURN collect({kind: kind, count: n}) AS foundKinds }
CALL { MATCH ()-[r:{{RELATION_TYPES}}]->() WHERE type(r) IN $types WITH type(r) AS type, count(*) AS n RETURN collect({type: type, count: n}) AS foundTypes }
CALL { OPTIONAL MATCH ()-[m:MENTIONS]->() RETURN coalesce(sum(m.count), 0) AS mentions }
RETURN [k IN $kinds | {kind: k, count: coalesce([f IN foundKinds WHERE f.kind = k][0].count, 0)}] AS byKind,
       [t IN $types | {type: t, count: coalesce([f IN foundTypes WHERE f.type = t][0].count, 0)}] AS byType,
       mentions
