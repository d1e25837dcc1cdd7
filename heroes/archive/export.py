"""Write the campaign's public stories as a BagIt bag (its layout: heroes.archive.LAYOUT).

What goes in is what the public may see (heroes.selectors.public_stories): every live,
public copy of a story, the source, its translations and its aliases. Each image and
document a story refers to, found as Wagtail's reference index finds references (fields,
blocks at any depth, rich text), goes in as its original file, each image with its consent
record; an image the public may no longer see (cms.core.consent.publishable) stays out.
"""

import datetime as dt
import hashlib
import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import bagit
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone
from django.utils.encoding import is_protected_type
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from cms.core.consent import publishable
from cms.core.models.site_settings import CampaignSettings
from cms.core.references import references_of
from heroes import selectors
from heroes.archive import (
    FORMAT,
    FORMAT_VERSION,
    LAYOUT,
    PROJECT,
    SOURCE_ORGANIZATION,
    ArchiveError,
    kind_of,
)
from heroes.archive.fields import (
    CONSENT_FIELDS,
    CONTENT_FIELDS,
    DOCUMENT_FIELDS,
    FOCAL_POINT_FIELDS,
    IMAGE_FIELDS,
    left_out,
)
from heroes.models import Mission, MissionHubPage

#: The checksums of the bag's manifests (bagit's defaults).
CHECKSUMS = ("sha256", "sha512")


@dataclass
class Export:
    path: Path
    counts: dict


def export_archive(target, *, mission=None, since=None):
    """Write the public stories (of `mission`, a country code or "HQ"; with a copy published
    on or after `since`, a date) as a bag in the folder `target`, new or empty."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ArchiveError(f"{target} is not an empty folder: give a new one for the archive.")
    pages = stories_to_archive(mission=mission, since=since)
    exported_at = timezone.now()
    target.mkdir(parents=True, exist_ok=True)
    try:
        manifest = _Payload(target).write(
            pages, exported_at=exported_at, filters={"mission": mission, "since": since}
        )
        bagit.make_bag(str(target), bag_info=_bag_info(manifest), checksums=list(CHECKSUMS))
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return Export(path=target, counts=manifest["counts"])


def stories_to_archive(*, mission=None, since=None):
    """Every public copy of each story chosen: of `mission`'s hubs, published since `since`."""
    public = selectors.public_stories()
    chosen = public
    if mission:
        chosen = chosen.filter(_under(_hubs_of(mission)))
    if since is not None:
        start = dt.datetime.combine(since, dt.time.min, tzinfo=timezone.get_current_timezone())
        chosen = chosen.filter(last_published_at__gte=start)
    return list(
        public.filter(translation_key__in=chosen.values("translation_key"))
        .select_related("locale")
        .prefetch_related("tagged_items__tag", "related_stories")
        .order_by("translation_key", "pk")
    )


def _hubs_of(code):
    code = code.strip().upper()
    if code == "HQ":
        return list(MissionHubPage.objects.filter(is_headquarters=True))
    if not Mission.objects.filter(country=code).exists():
        raise ArchiveError(f"No mission has the country code {code!r} (or use HQ).")
    return list(MissionHubPage.objects.filter(country=code, is_headquarters=False))


def _under(hubs):
    condition = Q(pk__in=[])
    for hub in hubs:
        condition |= Q(path__startswith=hub.path, depth__gt=hub.depth)
    return condition


class _Encoder(DjangoJSONEncoder):
    """Times to the microsecond (Django's encoder stops at the millisecond)."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            return o.isoformat()
        return super().default(o)


def _json(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(content, cls=_Encoder, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )


class _Payload:
    """The files under data/, written into the bag's folder before bagit moves them there."""

    def __init__(self, root):
        self.root = root
        self.media = {"image": {}, "document": {}}  # source id -> file in the bag, or None
        self.described = {"image": {}, "document": {}}  # file -> its description
        self.consent = {"image": {}, "document": {}}  # file -> its consent record
        self.counts = Counter()

    def write(self, pages, *, exported_at, filters):
        by_pk = {page.pk: page for page in pages}
        missions = _missions_above(pages)
        stories = {}
        for page in pages:
            record = self._record(page, by_pk, missions)
            key, locale = record["translation_key"], record["locale"]
            path = f"stories/{key}/{locale}.json"
            _json(self.root / path, record)
            story = stories.setdefault(key, {"mission": record["mission"], "locales": {}})
            story["locales"][locale] = path
            self.counts["aliases" if record["alias_of"] else "story_pages"] += 1
        for kind, folder in (("image", "images"), ("document", "documents")):
            if self.consent[kind]:
                _json(self.root / "consent" / f"{folder}.json", self.consent[kind])
        counts = {
            "stories": len(stories),
            "story_pages": self.counts["story_pages"],
            "aliases": self.counts["aliases"],
            "images": len(self.described["image"]),
            "documents": len(self.described["document"]),
            "consent_records": sum(len(records) for records in self.consent.values()),
        }
        campaign = CampaignSettings.load()
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "source": {
                "organisation": SOURCE_ORGANIZATION,
                "project": PROJECT,
                "campaign": campaign.hashtag,
                "contact_email": campaign.contact_email,
                "site": settings.BASE_URL,
            },
            "exported_at": exported_at,
            "filters": filters,
            "counts": counts,
            "languages": sorted({page.locale.language_code for page in pages}),
            "stories": stories,
            "images": self.described["image"],
            "documents": self.described["document"],
            "left_out": left_out(),
        }
        _json(self.root / "manifest.json", manifest)
        (self.root / "README.txt").write_text(LAYOUT, encoding="utf-8")
        return manifest

    # A story in one language ----------------------------------------------------------------

    def _record(self, page, by_pk, missions):
        source = by_pk.get(page.alias_of_id)
        record = {
            "translation_key": str(page.translation_key),
            "locale": page.locale.language_code,
            "alias_of": None,
            "title": page.title,
            "slug": page.slug,
            "url_path": page.url_path,
            "url": page.get_full_url(),
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "mission": missions.get(page.path[: -page.steplen]),
        }
        if source is not None:
            # The same content as its source, which is in the bag too: recorded, not copied.
            record["alias_of"] = {
                "translation_key": str(source.translation_key),
                "locale": source.locale.language_code,
            }
            return record
        record["fields"] = {name: _stored(page, name) for name in CONTENT_FIELDS}
        record["tags"] = sorted(item.tag.name for item in page.tagged_items.all())
        record["related_stories"] = [
            {
                "translation_key": str(by_pk[item.story_id].translation_key),
                "locale": by_pk[item.story_id].locale.language_code,
            }
            for item in page.related_stories.all()
            if item.story_id in by_pk
        ]
        record["references"] = [
            {
                "field": reference.field_name,
                "path": reference.content_path,
                "kind": kind_of(reference.model),
                "id": reference.object_id,
                "target": self._target(reference),
            }
            for reference in references_of(page)
            if reference.field_name in CONTENT_FIELDS
        ]
        return record

    def _target(self, reference):
        kind = kind_of(reference.model)
        if kind in self.media:
            return self._media(kind, reference.object_id)
        target = reference.model._default_manager.filter(pk=reference.object_id).first()
        if target is None:
            return None
        if kind == "page":
            return {
                "translation_key": str(target.translation_key),
                "locale": target.locale.language_code,
                "url_path": target.url_path,
            }
        if kind == "snippet":
            return {
                "model": target._meta.label_lower,
                "translation_key": str(target.translation_key),
                "locale": target.locale.language_code,
                "fields": {
                    field.name: _stored(target, field.name)
                    for field in target._meta.concrete_fields
                    if not field.is_relation
                    and field.name not in ("id", "translation_key", "locale")
                },
            }
        return None  # nothing else is archived: the reference is dropped on import

    # Images and documents ---------------------------------------------------------------------

    def _media(self, kind, object_id):
        if object_id in self.media[kind]:
            return self.media[kind][object_id]
        model = get_image_model() if kind == "image" else get_document_model()
        item = model.objects.select_related("collection").filter(pk=object_id).first()
        if item is None or publishable(item) is None:
            # Gone, or an image or recording whose consent is missing or withdrawn: left out.
            self.media[kind][object_id] = None
            return None
        folder = "media/images" if kind == "image" else "media/documents"
        name, size, sha256 = self._copy(item.file, folder)
        fields = IMAGE_FIELDS if kind == "image" else DOCUMENT_FIELDS
        description = {field: getattr(item, field) for field in fields if hasattr(item, field)}
        if kind == "image":
            description["focal_point"] = (
                {field: getattr(item, field) for field in FOCAL_POINT_FIELDS}
                if item.focal_point_x is not None
                else None
            )
        description.update(
            collection=item.collection.name, bytes=size, sha256=sha256, original_name=item.file.name
        )
        self.described[kind][name] = description
        # Images picture a person; a document records one only when it is a recording.
        records_a_person = getattr(item, "is_recording", True)
        if records_a_person and all(hasattr(item, field) for field in CONSENT_FIELDS):
            self.consent[kind][name] = {
                "consent": item.consent,
                "label": str(item.get_consent_display()),
                "notes": item.consent_notes,
            }
        self.media[kind][object_id] = name
        return name

    def _copy(self, file, folder):
        """Copy a stored file into `folder` as it is; (its name in the bag, size, SHA-256)."""
        base = Path(file.name).name
        name, n = f"{folder}/{base}", 1
        while (self.root / name).exists():
            n += 1
            name = f"{folder}/{n}-{base}"
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        with file.storage.open(file.name, "rb") as source, open(target, "wb") as copy:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
                copy.write(chunk)
        return name, size, digest.hexdigest()


def _stored(instance, name):
    """A field's value as stored, ready for JSON: a StreamField's JSON, a related row's id."""
    field = instance._meta.get_field(name)
    value = field.value_from_object(instance)
    if isinstance(field, StreamField):
        return field.get_prep_value(value)
    if field.is_relation or is_protected_type(value):
        return value
    return field.value_to_string(instance)


def _missions_above(pages):
    """{hub path: the mission of the hub} for the stories' parents."""
    parent_paths = {page.path[: -page.steplen] for page in pages}
    hubs = MissionHubPage.objects.filter(path__in=parent_paths)
    names = dict(Mission.objects.values_list("country", "name"))
    return {
        hub.path: {
            "country": str(hub.country or ""),
            "headquarters": hub.is_headquarters,
            "name": names.get(str(hub.country or ""), hub.office_name),
        }
        for hub in hubs
    }


def _bag_info(manifest):
    counts, source = manifest["counts"], manifest["source"]
    info = {
        "Source-Organization": source["organisation"],
        "External-Description": (
            f"{source['project']}: the published hero stories of the {source['campaign']} "
            "campaign, in every language, with their images, documents, transcripts and "
            "consent records. Layout: data/README.txt."
        ),
        "External-Identifier": f"{FORMAT}-{manifest['exported_at']:%Y%m%dT%H%M%SZ}",
        "Project": source["project"],
        "Campaign": source["campaign"],
        "Source-Site": source["site"],
        "Archive-Format": FORMAT,
        "Archive-Format-Version": str(FORMAT_VERSION),
        "Export-Date": manifest["exported_at"].isoformat(),
        "Languages": ", ".join(manifest["languages"]),
        "Story-Count": str(counts["stories"]),
        "Story-Page-Count": str(counts["story_pages"]),
        "Alias-Count": str(counts["aliases"]),
        "Image-Count": str(counts["images"]),
        "Document-Count": str(counts["documents"]),
        "Consent-Record-Count": str(counts["consent_records"]),
    }
    if source["contact_email"]:
        info["Contact-Email"] = source["contact_email"]
    filters = manifest["filters"]
    if filters["mission"]:
        info["Mission-Filter"] = filters["mission"]
    if filters["since"]:
        info["Since-Filter"] = filters["since"].isoformat()
    return info
