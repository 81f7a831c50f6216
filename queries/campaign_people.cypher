// People behind a campaign: who chaired, led, attended or spoke at events held by a body that
// implemented the campaign. carried_campaign is true when that very event is where the body took
// the campaign up (the IMPLEMENTS edge names it), false for the organiser's other events.
//
// Parameters:
// :param campaign => '百千万工程'
//     the campaign's canonical name or one of its aliases
//
// Example output:
// campaign   | organiser    | event                    | event_date | person | role    | carried_campaign
// 百千万工程 | 佛山市总工会 | …理论学习中心组(扩大)会议 | 03-19      | 蒋庆   | CHAIRED | true
MATCH (c:Campaign)
WHERE c.name = $campaign OR $campaign IN coalesce(c.aliases, [])
MATCH (org)-[imp:IMPLEMENTS]->(c)
WHERE org:UnionBody OR org:Organization
MATCH (e:Event)-[:HELD_BY]->(org)
MATCH (p:Person)-[role:CHAIRED|LED|ATTENDED|SPOKE]->(e)
WITH c, org, e, p, role, any(x IN collect(imp.event) WHERE x = e.id) AS carried_campaign
RETURN DISTINCT c.name AS campaign, org.name AS organiser, e.title AS event, e.date AS event_date,
       p.name AS person, type(role) AS role, carried_campaign
ORDER BY campaign, organiser, event_date, event, role, person
