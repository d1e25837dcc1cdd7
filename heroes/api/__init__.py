"""The campaign's routers, added to Wagtail's v3 NinjaAPI by cms/api.py (one OpenAPI document).

One module per concern: stories (listing cards), calendar, map, share kit, oEmbed, story of
the month. Routers stay thin: queries come from heroes.selectors, rules from heroes.services.
"""
