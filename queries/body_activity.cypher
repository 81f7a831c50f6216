// Bodies by the number of distinct campaigns (and laws) they took up in a period, most active first.
//
// Parameters:
// :param from => '2025-03-01'
//     first day of the period (YYYY-MM-DD, or MM-DD)
// :param to => '2025-03-31'
//     last day of the period, inclusive
//
// Adoptions dated MM-DD (year unknown) are compared on month and day; undated ones are left out.
//
// Example output (seed page):
// body         | label     | level | campaigns | names
// 佛山市总工会 | UnionBody | city  | 14        | ["一函两书工作制度", "万名职工免费医疗互助保障活动", …]
// 广州市总工会 | UnionBody | city  | 13        | ["12218现代化产业体系", "1310具体部署", …]
MATCH (b)-[r:IMPLEMENTS]->(c)
WHERE (b:UnionBody OR b:Organization) AND (c:Campaign OR c:Law) AND r.date IS NOT NULL
WITH b, c, r,
     size(r.date) = 10 AND size($from) = 10 AND size($to) = 10 AS full_dates
WHERE (full_dates AND $from <= r.date AND r.date <= $to)
   OR (NOT full_dates AND right($from, 5) <= right(r.date, 5) AND right(r.date, 5) <= right($to, 5))
WITH DISTINCT b, c
ORDER BY c.name
WITH b, collect(c.name) AS names
RETURN b.name AS body, head(labels(b)) AS label, coalesce(b.level, b.kind) AS level,
       size(names) AS campaigns, names
ORDER BY campaigns DESC, body
