"""The Python + FastAPI peer of the benchmarking lab.

Every peer answers the same bytes (scripts/bench/lab/contract.ts has the
contract and checks it): ``GET /plaintext`` and ``GET /users/{id}``, one row
of ``bench_users`` as JSON. Environment: DATABASE_URL and POOL_SIZE here,
PORT in main.py, which starts uvicorn with one worker.
"""

import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

# The contract's rule, checked by hand: FastAPI's own validation would answer
# 422 with a body of its own.
VALID_ID = re.compile(r"[0-9]{1,9}")

USER_BY_ID = "SELECT id, name, email FROM bench_users WHERE id = $1"


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, asyncpg.Pool]]:
    size = int(os.environ["POOL_SIZE"])
    # POOL_SIZE connections, opened at startup and held; closed on shutdown.
    async with asyncpg.create_pool(
        os.environ["DATABASE_URL"], min_size=size, max_size=size
    ) as pool:
        # Lifespan state: every request sees it as request.state.pool.
        yield {"pool": pool}


# No /docs, /redoc or /openapi.json, and no redirect of /plaintext/ to
# /plaintext: every other path is a plain 404, as in the other peers.
app = FastAPI(
    lifespan=lifespan,
    docs_url=None,
    redoc_url=None,
    openapi_url=None,
    redirect_slashes=False,
)


@app.get("/plaintext")
async def plaintext() -> Response:
    return PlainTextResponse("Hello, World!")


# Starlette's JSONResponse writes compact JSON ("," and ":" separators, no
# trailing newline), the bytes the contract asks for.
@app.get("/users/{user_id}")
async def user_by_id(user_id: str, request: Request) -> Response:
    if not VALID_ID.fullmatch(user_id):
        return JSONResponse({"error": "invalid id"}, status_code=400)
    pool: asyncpg.Pool = request.state.pool
    try:
        # asyncpg prepares the statement once per connection and caches it.
        row = await pool.fetchrow(USER_BY_ID, int(user_id))
    except Exception:  # the database is down, a connection broke...: a 500, never a crash
        return JSONResponse({"error": "database error"}, status_code=500)
    if row is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    # A Record keeps the column order: id, name, email.
    return JSONResponse(dict(row))
