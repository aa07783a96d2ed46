// The peer: @neo4j/graphql over the same Neo4j, served by graphql-yoga in one process.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import net from "node:net";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

const { NEO4J_URI, NEO4J_USER = "neo4j", NEO4J_PASSWORD, PEER_PORT } = process.env;
if (!NEO4J_URI || !NEO4J_PASSWORD || !PEER_PORT) {
  console.error("set NEO4J_URI, NEO4J_PASSWORD and PEER_PORT");
  process.exit(2);
}

// neo4j-driver leaves Nagle's algorithm on for its Bolt sockets (the Python driver turns it
// off): a request's last small write then waits for the server's delayed ACK, ~40 ms.
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  this.setNoDelay(true);
  return connect.apply(this, args);
};

const driver = neo4j.driver(NEO4J_URI, neo4j.auth.basic(NEO4J_USER, NEO4J_PASSWORD));
await driver.verifyConnectivity();

const typeDefs = readFileSync(new URL("./schema.graphql", import.meta.url), "utf8");
const schema = await new Neo4jGraphQL({
  typeDefs,
  driver,
  // `caseInsensitive: { contains }`, the equivalent of our titleContains
  features: { filters: { String: { CASE_INSENSITIVE: true } } },
}).getSchema();

const yoga = createYoga({ schema, graphiql: false, landingPage: false, logging: false });
createServer(yoga).listen(Number(PEER_PORT), "127.0.0.1", () => {
  console.log(`peer listening on http://127.0.0.1:${PEER_PORT}/graphql`);
});
