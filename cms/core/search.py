"""What a search query may hold: words only.

Every search of the site and the API reads a query through `clean_query`: punctuation,
search-engine syntax (PostgreSQL's tsquery `& | ! :* ( )`, quotes) and control characters
become spaces, and the query is cut at MAX_QUERY_LENGTH, so no query reaches the database as
syntax and a pasted page of text costs no more than a sentence.
"""

import re

#: Longer queries are cut here: no name or phrase is longer, and a long query costs more.
MAX_QUERY_LENGTH = 200

_NOT_A_WORD = re.compile(r"[^\w\s]|_", re.UNICODE)


def clean_query(raw):
    """The words of a query as typed, separated by single spaces; "" when there is none."""
    words = _NOT_A_WORD.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 2])
    return " ".join(words.split())[:MAX_QUERY_LENGTH].strip()
