// People holding positions in more than one body (union bodies and other organisations), with the
// title they hold in each: the interlocking posts that tie unions to people's congresses, party
// committees and companies.
//
// Parameters:
// :param min_bodies => 2
//     the least number of distinct bodies a person must hold positions in
//
// Example output:
// person | bodies | positions
// 唐航浩 | 2      | [{"body": "广州市人大常委会", "titles": ["党组副书记、副主任"]}, {"body": "广州市总工会", …}]
MATCH (p:Person)-[h:HOLDS_POSITION]->(b)
WHERE b:UnionBody OR b:Organization
WITH p, b, [t IN collect(DISTINCT h.title) WHERE t IS NOT NULL] AS titles
ORDER BY b.name
WITH p, collect({body: b.name, titles: titles}) AS positions
WHERE size(positions) >= $min_bodies
RETURN p.name AS person, size(positions) AS bodies, positions
ORDER BY bodies DESC, person
