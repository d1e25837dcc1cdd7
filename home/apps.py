from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Campaign home")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.admin import CampaignMaterialPermissionPolicy
        from home.models import CampaignMaterial

        # Before anything asks for it (Wagtail would make a plain one): see home.admin.
        register_permission_policy(
            CampaignMaterial, CampaignMaterialPermissionPolicy(CampaignMaterial)
        )
