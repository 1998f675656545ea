# plangraph API image (used by docker-compose.yml with a Neo4j 5 server).
FROM python:3.11-slim

# libgomp1: needed by the embedded FalkorDB module (libssl3 is already in the base image)
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . /app
RUN pip install .

ENV PLANGRAPH_DATA_DIR=/data/graph \
    PLANGRAPH_HOST=0.0.0.0 \
    PLANGRAPH_PORT=8000

EXPOSE 8000
CMD ["plangraph", "serve"]
