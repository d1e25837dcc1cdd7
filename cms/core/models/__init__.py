from .documents import CampaignDocument, RecordingConsent
from .images import CampaignImage, CampaignRendition, PhotoConsent
from .personal_data import PersonalDataAction, PersonalDataRequest
from .site_settings import CampaignSettings
from .users import User

__all__ = [
    "CampaignDocument",
    "CampaignImage",
    "CampaignRendition",
    "CampaignSettings",
    "PersonalDataAction",
    "PersonalDataRequest",
    "PhotoConsent",
    "RecordingConsent",
    "User",
]
