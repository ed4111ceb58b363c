# syntax=docker/dockerfile:1

# Builds the JavaScript (npm ci runs `npm run build`, which compiles src/ only), then keeps
# production dependencies only. The bench stays out of the image (.dockerignore).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json build.js ./
COPY bin ./bin
COPY src ./src
RUN npm ci --no-audit --no-fund && npm prune --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json package-lock.json ./
COPY bin ./bin
COPY drizzle ./drizzle
COPY examples ./examples
COPY assets ./assets

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
