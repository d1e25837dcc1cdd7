"""The campaign in the Wagtail admin, one module per concern, registered by heroes.wagtail_hooks.

- story_of_the_month: the missions' proposals and MCD's pick
- multipliers: each mission's people who help promote the campaign
- nominations: the public's nominations, reviewed by MCD and the hero's mission
- dashboard: what waits for MCD, on the admin's home page
- translation_endorsement: translators send translations for endorsement
- audit_log: the campaign's own actions in Wagtail's history
- scoping (views that show a user their missions' objects only) and forms, shared by them
"""
