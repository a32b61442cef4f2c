# Prevex API. Production runs against an external PostgreSQL: set PREVEX_DATABASE_URL.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /srv/prevex
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY app ./app
COPY migrations ./migrations
COPY alembic.ini ./
RUN uv sync --frozen --no-dev && useradd --system --uid 10001 prevex
USER prevex
ENV PREVEX_ENVIRONMENT=production
EXPOSE 8000
# `prevex serve` applies pending migrations before it listens: the start period covers that.
HEALTHCHECK --start-period=60s --interval=30s --timeout=5s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD [".venv/bin/prevex", "serve", "--host", "0.0.0.0", "--port", "8000"]
