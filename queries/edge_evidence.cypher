// Evidence behind the edges between two named nodes, in either direction: every relationship that
// joins them directly, and every pair of edges that joins them through one Event (a person who
// chaired a meeting held by a body), with the sentence, article, rule and confidence behind each edge.
//
// Parameters:
// :param a => '唐航浩'
//     name (or alias) of one node, any label
// :param b => '广州市总工会'
//     name (or alias) of the other node
//
// Example output:
// from   | type           | to           | via             | article | sentence | rule | confidence
// 唐航浩 | HOLDS_POSITION | 广州市总工会 |                 | a1      | …        | …    | 0.9
// 唐航浩 | CHAIRED        | …(扩大)会议   | …(扩大)会议      | a1      | …        | …    | 1.0
MATCH (x) WHERE x.name = $a OR $a IN coalesce(x.aliases, [])
MATCH (y) WHERE y.name = $b OR $b IN coalesce(y.aliases, [])
CALL (x, y) {
  MATCH (x)-[r]-(y)
  RETURN r, null AS via
  UNION
  MATCH (x)-[r1]-(e:Event)-[r2]-(y)
  WHERE NOT x:Event AND NOT y:Event
  UNWIND [r1, r2] AS r
  RETURN r, e.title AS via
}
WITH DISTINCT r, via
WITH r, via, size(coalesce(r.evidence_sentence, [])) AS n
UNWIND CASE n WHEN 0 THEN [null] ELSE range(0, n - 1) END AS i
RETURN startNode(r).name AS from, type(r) AS type, endNode(r).name AS to, via,
       coalesce(r.evidence_article[i], r.article) AS article,
       r.evidence_sentence[i] AS sentence,
       coalesce(r.evidence_rule[i], r.rule) AS rule,
       r.evidence_confidence[i] AS confidence
ORDER BY via IS NOT NULL, type, from, to, article, i
