# syntax=docker/dockerfile:1
# skillbot: compiled JavaScript on Node 20, run as the unprivileged `node` user.
# Build:  docker build -t skillbot .
# Run:    docker run --env-file .env -p 8080:8080 -v skillbot-data:/app/data skillbot

# --- build: install everything, compile TypeScript to dist/ ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
RUN npm run build

# --- runtime: production dependencies, the compiled bot and its content only ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_FILE=/app/data/skillbot.json \
    CONTENT_DIR=/app/content \
    HEALTH_PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
# The cache mount keeps npm's download cache out of the image.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY content ./content
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node, not npm, is PID 1's child-free entry point, so SIGTERM from `docker stop` reaches the bot.
# The same memory flags as `npm start` (README, Performance): a smaller young generation, and one full
# collection once start-up is done.
CMD ["node", "--max-semi-space-size=8", "--expose-gc", "dist/src/main.js"]
