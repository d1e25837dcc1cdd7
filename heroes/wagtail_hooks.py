"""The campaign in the Wagtail admin: each concern lives in heroes.admin, registered here."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from heroes.admin import (
    ambassadors,
    audit_log,
    criteria,
    dashboard,
    digest,
    event_proposals,
    mission_home,
    multipliers,
    nominations,
    personal_data,
    story_of_the_month,
    translation_endorsement,
    voting,
)

register_snippet(story_of_the_month.StoryOfTheMonthViewSet)
register_snippet(multipliers.MultiplierViewSet)
register_snippet(ambassadors.ambassador_viewset)
register_snippet(criteria.criteria_viewset)
hooks.register("register_page_header_buttons", ambassadors.story_header_button)
hooks.register("register_log_actions", ambassadors.register_log_actions)
hooks.register("register_log_actions", criteria.register_log_actions)
hooks.register("register_admin_viewset", nominations.register_nomination_viewset)
hooks.register("register_admin_viewset", event_proposals.register_event_proposal_viewset)
hooks.register("register_log_actions", event_proposals.register_log_actions)
hooks.register("register_admin_viewset", voting.register_voting_round_viewset)
hooks.register("register_page_header_buttons", nominations.story_header_button)
hooks.register("construct_homepage_panels", dashboard.add_mcd_dashboard)
hooks.register("construct_homepage_panels", mission_home.add_mission_dashboard)
hooks.register("construct_main_menu", mission_home.open_explorer_at_mission_hub)
hooks.register("register_admin_urls", translation_endorsement.admin_urls)
hooks.register("register_page_header_buttons", translation_endorsement.header_button)
hooks.register("register_page_listing_more_buttons", translation_endorsement.listing_button)
hooks.register("register_log_actions", audit_log.register_campaign_log_actions)
hooks.register("register_admin_urls", personal_data.admin_urls)
hooks.register("register_settings_menu_item", personal_data.menu_item)
hooks.register("register_admin_urls", digest.admin_urls)
hooks.register("register_admin_menu_item", digest.menu_item)
hooks.register("register_log_actions", personal_data.register_log_actions)
