"""Settings for the benchmark's baseline server: the product's settings plus `bench/bare`."""

from ratusz.settings import *  # noqa: F403

ROOT_URLCONF = "bench.baseline_urls"
