# syntax=docker/dockerfile:1
# One image per app: docker build --build-arg APP=ingest -t sitrep-ingest .
# APP is one of api, ingest, extractor, indexer, alerts; the image runs dist/apps/$APP/src/main.js.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ARG APP
RUN test -n "$APP" || (echo "build with --build-arg APP=<api|ingest|extractor|indexer|alerts>" && exit 1)
ENV NODE_ENV=production \
    APP=${APP} \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The extraction engine reads its lexicons and actor registry from libs/extraction/data at run time.
COPY --from=build /app/libs/extraction/data ./libs/extraction/data
# The V8 flags every app runs with (a larger young generation; README, "Configuration").
COPY scripts/app-node-options ./scripts/app-node-options
USER node
# Each app listens on <APP>_PORT, else PORT, else its default (api 3000 ... alerts 3004).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "const d={api:3000,ingest:3001,extractor:3002,indexer:3003,alerts:3004};const a=process.env.APP;const p=process.env[a.toUpperCase()+'_PORT']||process.env.PORT||d[a];fetch('http://127.0.0.1:'+p+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec: node gets SIGTERM directly, so the app's shutdown hooks run on `docker stop`.
CMD ["sh", "-c", "exec node $(cat scripts/app-node-options) dist/apps/$APP/src/main.js"]
