"""What every `kg` command shares: exit codes and the one way an error is reported."""
from __future__ import annotations

import sys

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2


def err(message: str) -> int:
    """Print ``kg: error: message`` to stderr; the exit code of a usage or fatal error."""
    print(f"kg: error: {message}", file=sys.stderr)
    return EXIT_ERROR
