// Neo4j schema of the unionkg graph (read by unionkg.sinks.neo4j.load_graph before every load).
// One statement per line-group, each ending with ';'. Idempotent: IF NOT EXISTS everywhere.
// Labels are the ontology's (unionkg.types.Label); tests check that every label is covered.

// Uniqueness of the stable node id (graph/MODEL.md) for each label; MERGE relies on these.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT union_body_id IF NOT EXISTS FOR (n:UnionBody) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (n:Campaign) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT law_id IF NOT EXISTS FOR (n:Law) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;

// Lookup by canonical name (the queries in queries/ match on name).
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX union_body_name IF NOT EXISTS FOR (n:UnionBody) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX campaign_name IF NOT EXISTS FOR (n:Campaign) ON (n.name);
CREATE INDEX law_name IF NOT EXISTS FOR (n:Law) ON (n.name);
CREATE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE INDEX article_name IF NOT EXISTS FOR (n:Article) ON (n.name);

// Dates of events and articles, for time windows.
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);

// Full-text search over names, aliases and titles. The 'cjk' analyzer indexes Chinese as
// overlapping character bigrams, so a query for 千镇 finds 百县千镇万村高质量发展工程:
//   CALL db.index.fulltext.queryNodes('entity_names', '千镇') YIELD node, score RETURN node.name, score
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|UnionBody|Organization|Place|Campaign|Law|Event|Article)
ON EACH [n.name, n.aliases, n.title, n.subtitle]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}};

// Adoption dates on IMPLEMENTS, for campaign timelines and activity windows.
CREATE INDEX implements_date IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.date);

// The run marker of a load into an empty database (unionkg.sinks.neo4j): one at a time, removed when
// the load ends. While it exists, other loads wait.
CREATE CONSTRAINT unionkg_load_run IF NOT EXISTS FOR (n:UnionkgLoadRun) REQUIRE n.id IS UNIQUE;
