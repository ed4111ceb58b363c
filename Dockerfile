# syntax=docker/dockerfile:1

# Production dependencies only. tsx is one of them: the app runs its TypeScript sources
# directly, so there is no build step and no compiled output to copy.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY drizzle ./drizzle
COPY examples ./examples

# Embedded PGlite keeps its files here when DATABASE_URL is unset; mount a volume to keep them.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]

USER node
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node itself as PID 1, not `npm start`: npm does not pass SIGTERM on, and the app needs it
# to stop the scheduler, finish deliveries and close the database before the container stops.
CMD ["node", "bin/cobranza.js", "start"]
