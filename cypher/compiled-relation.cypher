// One relation field of a compiled read (`relations(...)` or a per-type field such as
// `organized`), as the relations DataLoader reads it (cypher/api-relations.cypher): the page of
// __node__'s typed relations of $__p__types (null: any) in direction $__p__direction whose best confidence
// reaches $__p__minConfidence, by count then the other end's name and id; each with its first
// $__p__evidence evidence entries at or above the minimum. __types__ is the model's relation
// types the field can expand (all of them, or the per-type field's one). __calls__ are the
// nested relation fields of the other end __other__, __fields__ their keys, __projection__ the
// other end's properties (compiled-node-summary or compiled-node-full).
CALL (__node__) {
  MATCH (__node__)-[__rel__:__types__]-(__other__:Entity)
  WHERE ($__p__types IS NULL OR type(__rel__) IN $__p__types)
    AND ($__p__direction = 'BOTH' OR (startNode(__rel__) = __node__) = ($__p__direction = 'OUT'))
    AND __rel__.confidence >= $__p__minConfidence
  WITH __node__, __rel__, __other__
  ORDER BY __rel__.count DESC, coalesce(__other__.name, __other__.id), __other__.id, type(__rel__), elementId(__rel__)
  LIMIT $__p__first
  __calls__
  WITH __node__, __rel__, __other__, coalesce(__rel__.evConfidence, [])[0..$__p__evidence] AS __top__, {__fields__} AS __nested__
  RETURN collect({
    type: type(__rel__), direction: CASE WHEN startNode(__rel__) = __node__ THEN 'OUT' ELSE 'IN' END,
    other: __projection__, count: __rel__.count, documentCount: __rel__.documents, confidence: __rel__.confidence,
    evidence: [i IN range(0, size(__top__) - 1) WHERE __top__[i] >= $__p__minConfidence |
      {text: __rel__.evText[i], documentId: __rel__.evDocument[i], paragraph: __rel__.evParagraph[i], confidence: __top__[i]}],
    fields: __nested__
  }) AS __out__
}
