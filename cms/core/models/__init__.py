from .documents import CampaignDocument
from .images import CampaignImage, CampaignRendition, PhotoConsent
from .site_settings import CampaignSettings
from .users import User

__all__ = [
    "CampaignDocument",
    "CampaignImage",
    "CampaignRendition",
    "CampaignSettings",
    "PhotoConsent",
    "User",
]
