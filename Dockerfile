FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schema schema
COPY resolvers resolvers
COPY cypher cypher
COPY seed seed
COPY server server
RUN pip install --no-cache-dir .
ENV PEERGRAPH_HOST=0.0.0.0
EXPOSE 8000
CMD ["sh", "-c", "peergraph migrate && peergraph seed && peergraph serve"]
