# Claim Lens: one app server. Build: docker build -t claimlens .   Run: docker run -p 8501:8501 claimlens
# Several replicas behind nginx: see docs/DEPLOY.md and deploy/nginx.conf.
FROM python:3.11-slim

# MALLOC_ARENA_MAX=2: glibc gives each script thread its own arena and keeps it; two arenas cut the peak of
# 30 sessions from 453 to 373 MB (bench/bench_memory.py)
ENV MALLOC_ARENA_MAX=2 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CLAIMLENS_CACHE_DIR=/home/app/cache

WORKDIR /app

# dependencies first (cached layer while only the code changes)
COPY requirements.txt .
RUN pip install -r requirements.txt

# non-root user; the code and the committed snapshot are read-only for it, only its cache folder is writable
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app \
    && mkdir -p /home/app/cache && chown app:app /home/app/cache
COPY --chown=root:root . .
# byte-compiled once here: PYTHONDONTWRITEBYTECODE (above) and a read-only /app would otherwise make every
# server start compile the app's modules again
RUN python -m compileall -q components
USER app

EXPOSE 8501

# slim has no curl: ask Streamlit's health endpoint with the standard library
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; r = urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4); sys.exit(0 if r.status == 200 and r.read().strip() == b'ok' else 1)"]

# .streamlit/config.toml (copied with the code) holds the shared-server settings; address/port are set here so
# the container listens on all of its interfaces. Set CLAIMLENS_OFFLINE=1 to keep it from calling Yahoo.
CMD ["streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
