// One entry of a compiled read's result list: a relation field's generated key and its result.
['__key__', __var__]
