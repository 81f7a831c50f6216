// Cascade down the union hierarchy: for a body, which of its descendants (bodies below it along
// SUBORDINATE_TO, any depth) implemented a campaign or law that the body itself implemented, and how
// many days after the body they did so.
//
// Parameters:
// :param body => '广东省总工会'
//     the upper body's canonical name or one of its aliases
// :param campaign => null
//     restrict to one campaign (name or alias); null for all
//
// days_later is computed on full dates when both sides have a year, else on month and day alone
// (same, unknown year); null when either date is missing. Negative means the descendant was first.
//
// Example output:
// body         | campaign   | body_date  | descendant       | level    | depth | descendant_date | days_later
// 广东省总工会 | 百千万工程 | 2025-03-10 | 佛山市总工会       | city     | 1     | 2025-03-19      | 9
// 广东省总工会 | 百千万工程 | 2025-03-10 | 汕头市潮南区总工会 | district | 2     | 2025-03-17      | 7
MATCH (top:UnionBody)
WHERE top.name = $body OR $body IN coalesce(top.aliases, [])
MATCH (top)-[r0:IMPLEMENTS]->(c)
WHERE (c:Campaign OR c:Law)
  AND ($campaign IS NULL OR c.name = $campaign OR $campaign IN coalesce(c.aliases, []))
MATCH path = (d:UnionBody)-[:SUBORDINATE_TO*1..8]->(top)
MATCH (d)-[r1:IMPLEMENTS]->(c)
WITH top, c, d, min(length(path)) AS depth, min(r0.date) AS body_date, min(r1.date) AS descendant_date
WITH top, c, d, depth, body_date, descendant_date,
     CASE
       WHEN body_date IS NULL OR descendant_date IS NULL THEN null
       WHEN size(body_date) = 10 AND size(descendant_date) = 10
         THEN duration.inDays(date(body_date), date(descendant_date)).days
       ELSE duration.inDays(date('2000-' + right(body_date, 5)), date('2000-' + right(descendant_date, 5))).days
     END AS days_later
RETURN top.name AS body, c.name AS campaign, body_date, d.name AS descendant, d.level AS level, depth,
       descendant_date, days_later
ORDER BY campaign, days_later IS NULL, days_later, depth, descendant
