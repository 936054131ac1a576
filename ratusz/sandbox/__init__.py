"""Local Meta sandbox: a Graph API stand-in and Meta-style webhook deliveries.

Imports nothing from the desk except `ratusz.platforms.meta.signature`; stdlib and httpx only.
"""

from .app import SandboxApp
from .delivery import Deliverer, Delivery, build_delivery
from .state import SandboxState
from .traffic import play_events, play_scenario
from .world import World, load_world

__all__ = [
    "Deliverer",
    "Delivery",
    "SandboxApp",
    "SandboxState",
    "World",
    "build_delivery",
    "load_world",
    "play_events",
    "play_scenario",
]
