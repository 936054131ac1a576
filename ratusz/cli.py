"""The `ratusz` console command: Django's management commands under the product's name."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ratusz.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")  # `ratusz check-post` runs `check_post`
    execute_from_command_line(["ratusz", *args])


if __name__ == "__main__":
    main()
