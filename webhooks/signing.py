"""How a delivery is signed, and how a partner checks it.

    X-MigrantHeroes-Timestamp: 1764100000
    X-MigrantHeroes-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the secret>

A receiver recomputes the HMAC over the timestamp, a dot and the raw request body, compares
it in constant time, and rejects timestamps older than a few minutes (replays).
"""

import hashlib
import hmac

SIGNATURE_HEADER = "X-MigrantHeroes-Signature"
TIMESTAMP_HEADER = "X-MigrantHeroes-Timestamp"
EVENT_HEADER = "X-MigrantHeroes-Event"
DELIVERY_HEADER = "X-MigrantHeroes-Delivery"


def sign(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret, timestamp, body, signature):
    return hmac.compare_digest(sign(secret, timestamp, body), signature)
