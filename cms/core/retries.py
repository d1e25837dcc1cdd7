"""Back-off of work retried in the background (mail, webhook deliveries)."""

#: The longest wait between two attempts, whatever the count.
MAX_WAIT_SECONDS = 6 * 3600


def backoff_seconds(failed_attempts, *, base_seconds):
    """Seconds to wait after `failed_attempts` failures.

    The base, then twice it, four times it and so on, never more than six hours.
    """
    return min(base_seconds * 2 ** (failed_attempts - 1), MAX_WAIT_SECONDS)
