// Campaign propagation timeline: every body that took up a campaign (studied, implemented or
// publicised it), its kind and administrative level, the date, the meeting that carried it and the
// evidence sentence, earliest first.
//
// Parameters:
// :param campaign => '百千万工程'
//     the campaign's canonical name or one of its aliases (surface variants seen in the text)
//
// Dates are as the graph holds them: YYYY-MM-DD where the year is known, else MM-DD (sorted as
// text, so within one corpus they come out in calendar order); undated adoptions come last.
//
// Example output (seed page, `unionkg query queries/campaign_timeline.cypher -p campaign=百千万工程`):
// campaign   | body             | label     | level    | date  | mode      | event                | article | evidence
// 百千万工程 | 汕头市潮南区总工会 | UnionBody | district | 03-17 | implement | …(扩大)会议           | a5      | …
// 百千万工程 | 佛山市总工会       | UnionBody | city     | 03-19 | implement | …理论学习中心组…会议   | a2      | …
// 百千万工程 | 揭阳市榕城区总工会 | UnionBody | district |       | implement |                      | a7      | …
MATCH (c:Campaign)
WHERE c.name = $campaign OR $campaign IN coalesce(c.aliases, [])
MATCH (b)-[r:IMPLEMENTS]->(c)
WHERE b:UnionBody OR b:Organization
OPTIONAL MATCH (e:Event {id: r.event})
RETURN c.name AS campaign,
       b.name AS body,
       head(labels(b)) AS label,
       coalesce(b.level, b.kind) AS level,
       coalesce(r.date, e.date) AS date,
       r.mode AS mode,
       e.title AS event,
       r.article AS article,
       head(coalesce(r.evidence_sentence, [])) AS evidence
ORDER BY date IS NULL, date, body
