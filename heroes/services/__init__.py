"""The campaign's business rules, one place each, called by the admin, the site and the API.

One module per concern: missions, story_of_the_month, intake (nominations from the
public), duplicates, review (of nominations). Plain keyword-only functions, atomic where
they write. They raise django.core.exceptions.ValidationError (bad input) or
PermissionDenied (wrong person), which every caller turns into its own kind of answer.
"""
