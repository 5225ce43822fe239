"""Starts the FastAPI peer (app.py) on 127.0.0.1:$PORT with one uvicorn worker.

The lab pins the process to one core: one worker process and one event loop
(uvloop, with the httptools parser), no per-request access log.
"""

import os

import uvicorn

if __name__ == "__main__":
    port = int(os.environ["PORT"])
    print(f"bench-python-fastapi listening on 127.0.0.1:{port}", flush=True)
    uvicorn.run(
        "app:app",
        host="127.0.0.1",
        port=port,
        workers=1,
        loop="uvloop",
        http="httptools",
        log_level="warning",
        access_log=False,
    )
