"""Command line:

python -m ratusz.sandbox --port 8100 --target URL --secret S [--scenario demo-day] [--speed 20]
    [--residents-react 20]
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from .server import serve


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m ratusz.sandbox", description="Local Meta Graph API and webhook sandbox"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument(
        "--world",
        default=None,
        help="world TOML file or name in ratusz/sandbox/worlds (default: demo)",
    )
    parser.add_argument(
        "--target", default=None, help="webhook URL, e.g. http://127.0.0.1:8000/webhooks/meta"
    )
    parser.add_argument(
        "--secret",
        default=os.environ.get("RATUSZ_SANDBOX_APP_SECRET", ""),
        help="app secret used to sign webhooks (default: $RATUSZ_SANDBOX_APP_SECRET)",
    )
    parser.add_argument("--scenario", default=None, help="scenario to start playing, e.g. demo-day")
    parser.add_argument(
        "--speed", type=float, default=1.0, help="playback speed factor (delays are divided by it)"
    )
    parser.add_argument(
        "--timeout-seconds", type=float, default=30.0, help="sleep of a 'timeout' fault"
    )
    parser.add_argument(
        "--residents-react",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="residents comment on each post/media published through the API, SECONDS and "
        "2 x SECONDS later (real time; default 0: off)",
    )
    args = parser.parse_args(argv)
    if args.target and not args.secret:
        parser.error("--secret (or RATUSZ_SANDBOX_APP_SECRET) is required when --target is set")
    if args.speed <= 0:
        parser.error("--speed must be positive")
    if args.residents_react < 0:
        parser.error("--residents-react must not be negative")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    serve(
        args.host,
        args.port,
        args.world,
        args.target,
        args.secret,
        args.scenario,
        args.speed,
        args.timeout_seconds,
        args.residents_react,
    )


if __name__ == "__main__":
    main()
