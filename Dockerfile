# The web app is built in a Node stage; only its static build reaches the final image.
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY core core
COPY schema schema
COPY resolvers resolvers
COPY cypher cypher
COPY seed seed
COPY server server
COPY --from=web /web/dist web/dist
RUN pip install --no-cache-dir . \
    && useradd --system --uid 10001 --user-group --home-dir /app --no-create-home peergraph
# Installed as root, run as a user that can change none of it.
USER peergraph
ENV PEERGRAPH_HOST=0.0.0.0 PEERGRAPH_PORT=8000
EXPOSE 8000
# The slim image has no curl; Python is there. /healthz answers without the database, so
# a Neo4j outage shows in /readyz and the metrics, not as a restart loop.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PEERGRAPH_PORT', '8000') + '/healthz', timeout=4)"]
CMD ["sh", "-c", "peergraph migrate && peergraph seed && peergraph serve"]
