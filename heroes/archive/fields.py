"""What of a story, its images and documents goes into the archive, what is left out, and why.

Every field and relation of a story is named here once: archived as content, kept as the
record's identity, made anew on import, or left out (with the reason, written into each
bag's manifest). `unclassified_fields` lists any the model gained since: a test fails until
it is named here, so a new field is neither lost from the archive nor let into it unread.
"""

#: A story's content, as stored (ids resolved through the record's "references").
CONTENT_FIELDS = (
    "title",
    "slug",
    "seo_title",
    "search_description",
    "hero_name",
    "headline",
    "photo",
    "country_of_origin",
    "country_of_residence",
    "category",
    "intro",
    "body",
    "social_image",
    "social_text",
)

#: Kept by name: the tags (`tags`, through `tagged_items`), the related stories (by
#: translation key and locale, those in the archive only).
RELATIONS = ("tags", "tagged_items", "related_stories")

#: Which copy a record is and where and when it was published: the record's own keys.
IDENTITY = (
    "translation_key",
    "locale",
    "alias_of",
    "url_path",
    "first_published_at",
    "last_published_at",
)

#: Wagtail's bookkeeping, made anew when a story is imported (as a page published anew).
REBUILT = (
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "content_type",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "expired",
    "go_live_at",
    "expire_at",
    "show_in_menus",
    "index_entries",
)

STAFF = "an editor's account: staff's personal data, and nothing of the story"

#: Left out on purpose. Nominations are private: nothing of a nominee or a nominator
#: (names, contacts, what they wrote, their photos) goes into an archive, which outlives
#: the retention and erasure rules of heroes.personal_data.
LEFT_OUT = {
    "nominator_name": (
        "the nominator's name: a member of the public's personal data, credited on the "
        "site only while they agree (heroes.personal_data erases it on request)"
    ),
    "nominator_agreed_to_credit": "goes with the nominator's name",
    "nominations": (
        "public nominations (heroes.Nomination): the nominee's and nominator's personal "
        "data, their photos, the review"
    ),
    "month_nominations": "story-of-the-month proposals: internal, with the proposers' accounts",
    "events": "calendar entries are pages of their own, not stories",
    "owner": STAFF,
    "locked": "the editing lock: the admin's working state",
    "locked_at": "the editing lock: the admin's working state",
    "locked_by": STAFF,
    "_revisions": "drafts and earlier versions: only what the public reads is archived",
    "_workflow_states": "the endorsement workflow's history: internal",
    "_specific_workflow_states": "the endorsement workflow's history: internal",
    "workflowpage": "the endorsement workflow's settings: internal",
    "wagtail_admin_comments": "editors' comments: internal",
    "subscribers": "editors' notification subscriptions: internal",
    "group_permissions": "who may edit: the site's roles, not the story",
    "view_restrictions": "private pages are not archived at all",
    "aliases": "recorded as their own records, not as a field",
    "sites_rooted_here": "the site's configuration",
    "redirect": "the site's configuration",
    "searchpromotion": "the site's search configuration",
}

#: An image's description in the manifest; its consent record in consent/images.json.
IMAGE_FIELDS = ("title", "description", "credit", "width", "height")
FOCAL_POINT_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
DOCUMENT_FIELDS = ("title", "description", "media_type")
#: The consent record of an image, or of a document that is a recording (cms.core.consent).
CONSENT_FIELDS = ("consent", "consent_notes")
#: Left out of every image and document, and why.
MEDIA_LEFT_OUT = {
    "uploaded_by_user": STAFF,
    "tags": "the media library's filing, not the story's",
    "file_size": "computed again from the file",
    "file_hash": "computed again from the file (the bag holds its SHA-256 and SHA-512)",
}


def unclassified_fields(model):
    """The names of `model`'s fields and relations this module does not name."""
    classified = {*CONTENT_FIELDS, *RELATIONS, *IDENTITY, *REBUILT, *LEFT_OUT}
    return sorted({field.name for field in model._meta.get_fields()} - classified)


def left_out():
    """What the archive leaves out, and why, for the manifest."""
    return {"stories": LEFT_OUT, "images and documents": MEDIA_LEFT_OUT}
