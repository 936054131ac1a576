"""Why the receiver's p99 explodes on SQLite while the worker runs: SQLite's busy handler.

    .venv/bin/python bench/sqlite_lock_probe.py

Process B does short autocommit INSERTs (like the receiver) and measures them, in WAL mode with
`timeout=20` (as Ratusz configures SQLite). Process A, like the worker, runs back-to-back
`BEGIN IMMEDIATE` transactions that hold the write lock for a few ms each. A waiting writer
sleeps and retries (1, 2, 5, 10 ... 100 ms) and mostly misses the short gaps between A's
transactions, so its latency grows from well under 1 ms to seconds. Pure sqlite3, no Django.
"""

import multiprocessing as mp
import os
import shutil
import sqlite3
import tempfile
import time


def connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=20, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def hog(path: str, hold_ms: float, pause_ms: float, stop) -> None:
    conn = connect(path)
    while not stop.is_set():
        conn.execute("BEGIN IMMEDIATE")
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < hold_ms / 1000:
            conn.execute("INSERT INTO w(x) VALUES (1)")
        conn.execute("COMMIT")
        if pause_ms:
            time.sleep(pause_ms / 1000)


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="ratusz-lock-")
    try:
        probe(os.path.join(tmp, "probe.sqlite3"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def probe(path: str) -> None:
    conn = connect(path)
    conn.execute("CREATE TABLE w(x)")
    conn.execute("CREATE TABLE r(b BLOB)")
    for hold_ms, pause_ms in [(0, None), (5, 0), (5, 1), (5, 20)]:
        stop = mp.Event()
        other = None
        if pause_ms is not None:
            other = mp.Process(target=hog, args=(path, hold_ms, pause_ms, stop))
            other.start()
            time.sleep(0.5)
        latencies = []
        end = time.perf_counter() + 5
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            conn.execute("INSERT INTO r(b) VALUES (?)", (b"x" * 2000,))
            latencies.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.002)
        stop.set()
        if other is not None:
            other.join()
        latencies.sort()
        label = ("no other writer" if pause_ms is None
                 else f"other writer: {hold_ms} ms transactions, {pause_ms} ms apart")
        print(f"{label:<46} {len(latencies):5d} inserts in 5 s, "
              f"p50 {latencies[len(latencies) // 2]:7.2f} ms, "
              f"p99 {latencies[int(len(latencies) * 0.99)]:7.1f} ms, max {latencies[-1]:7.1f} ms")


if __name__ == "__main__":
    main()
