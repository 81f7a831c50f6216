// Co-implemented campaigns: pairs of campaigns (or laws) that the same body took up together, at the
// same event or, failing an event, in the same article; how often, by which bodies, where.
//
// Parameters:
// :param min_times => 2
//     the least number of events/articles at which the pair was relayed together (1 lists every
//     pair a single meeting relayed)
//
// Example output (seed page):
// first      | second         | times | bodies                              | occasions
// 百千万工程 | 产业工人队伍建设改革 | 3     | ["佛山市总工会", "汕头市潮南区总工会", …] | ["Event:a2#1", "Event:a5#1", …]
MATCH (b)-[r1:IMPLEMENTS]->(c1), (b)-[r2:IMPLEMENTS]->(c2)
WHERE (b:UnionBody OR b:Organization)
  AND (c1:Campaign OR c1:Law) AND (c2:Campaign OR c2:Law)
  AND c1.name < c2.name
  AND coalesce(r1.event, 'Article:' + r1.article) = coalesce(r2.event, 'Article:' + r2.article)
WITH c1, c2, b, coalesce(r1.event, 'Article:' + r1.article) AS occasion
WHERE occasion IS NOT NULL
WITH c1, c2, collect(DISTINCT b.name) AS bodies, collect(DISTINCT occasion) AS occasions
WHERE size(occasions) >= $min_times
RETURN c1.name AS first, c2.name AS second, size(occasions) AS times, bodies, occasions
ORDER BY times DESC, first, second
