# The GraphQL API (`kg up`: schema, seed ingest, serve) for `docker compose up`.
# Neo4j runs in its own container (docker-compose.yml); NEO4J_URI points there.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first so the layer is reused while only sources change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
# Runtime reads model/, cypher/, seeds/ and schema/ relative to package.json, so keep the tree.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/cli/kg.js", "up"]
