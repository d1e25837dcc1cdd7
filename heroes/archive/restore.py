"""Put the stories of an archive (heroes.archive.export) back into the site.

The bag is checked first (bagit: every file present, every checksum right); a bag that
fails is refused whole, before anything is written. Then, in one transaction:

- images and documents: each file is stored as it is, unless the library already holds
  the same bytes (the same SHA-1, `file_hash`) under the same title, which are used
  instead. A new image or recording gets its consent record from the bag; one already
  there keeps its own (a consent withdrawn since the export stays withdrawn);
- stories: each page of the bag is made under its mission's hub in its locale (found by
  country, headquarters and locale: the missions and the locale trees must exist: run
  `setup_mission` and `sync_locales` first), with its translation key, slug, content and
  references carried over to the new ids, published, and given back its publication
  dates; aliases are made of their source, in their locale. A story already there (the
  same translation key and locale) is left as it is: importing twice changes nothing.

A story that cannot be saved (its photo's consent was withdrawn, its slug is taken by
another page) is skipped and reported; the rest is imported.
"""

import hashlib
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils.dateparse import parse_datetime
from wagtail.actions.create_alias import CreatePageAliasIntegrityError
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, TranslatableMixin
from wagtail.utils.file import hash_filelike

from cms.core import backups
from cms.core.references import references_of, rewrite_field
from heroes.archive import FORMAT, FORMAT_VERSION, ArchiveError, kind_of
from heroes.archive.fields import (
    CONSENT_FIELDS,
    CONTENT_FIELDS,
    DOCUMENT_FIELDS,
    FOCAL_POINT_FIELDS,
    IMAGE_FIELDS,
)
from heroes.models import HeroStoryPage, MissionHubPage, RelatedStory


@dataclass
class Import:
    counts: Counter = field(default_factory=Counter)
    skipped: list = field(default_factory=list)  # "story <key> (<locale>): why"
    restripped: list = field(default_factory=list)  # images stored without hidden metadata


def checked_bag(path):
    """The bag at `path`, once bagit finds every file present and every checksum right."""
    try:
        bag = bagit.Bag(str(path))
    except bagit.BagError as error:
        raise ArchiveError(f"{path} is not a readable BagIt bag: {error}") from error
    try:
        bag.validate()
    except bagit.BagError as error:
        changed = ", ".join(_files_that_fail(bag)) or "none named"
        raise ArchiveError(
            f"{path} fails validation: nothing was imported. Changed, missing or added since "
            f"the export: {changed}. ({error})"
        ) from error
    return bag


def _files_that_fail(bag):
    """The files of `bag` that are missing, added or not as its SHA-256 manifests say
    (bagit stops at the first test that fails, a count of bytes, without naming them)."""
    missing, added = bag.compare_manifests_with_fs()
    changed = [
        name
        for name, digests in bag.entries.items()
        if name not in missing
        and "sha256" in digests
        and (Path(bag.path) / name).is_file()
        and backups.sha256(Path(bag.path) / name) != digests["sha256"].lower()
    ]
    return sorted({*missing, *added, *changed})


def import_archive(path):
    """Check the bag at `path` and import its stories; returns an `Import` report."""
    bag = checked_bag(path)
    reader = _Reader(Path(bag.path), set(bag.payload_files()))
    manifest = reader.json("manifest.json")
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            f"{path} is not a {FORMAT} archive of version {FORMAT_VERSION} "
            f"({manifest.get('format')!r}, version {manifest.get('format_version')!r})."
        )
    records = [
        reader.json(file)
        for story in manifest["stories"].values()
        for file in story["locales"].values()
    ]
    restorer = _Restorer(reader, manifest)
    restorer.check_site(records)
    try:
        with transaction.atomic():
            restorer.run(records)
    except BaseException:
        restorer.delete_stored_files()
        raise
    return restorer.report


class _Reader:
    """Files of the bag's payload, and only those (bagit checked them)."""

    def __init__(self, root, payload):
        self.root, self.payload = root, payload

    def path(self, name):
        if f"data/{name}" not in self.payload:
            raise ArchiveError(f"The archive names data/{name}, which is not in the bag.")
        return self.root / "data" / name

    def json(self, name):
        try:
            return json.loads(self.path(name).read_text(encoding="utf-8"))
        except ValueError as error:
            raise ArchiveError(f"data/{name} is not readable JSON: {error}") from error

    def bytes(self, name):
        return self.path(name).read_bytes()


class _Restorer:
    def __init__(self, reader, manifest):
        self.reader, self.manifest = reader, manifest
        self.report = Import()
        self.media = {"image": {}, "document": {}}  # file in the bag -> id here
        self.pages = {}  # (translation key, locale) -> page id here
        self.hubs = {}  # (locale, country, headquarters) -> hub
        self.stored = []  # (storage, name) of files stored by this import
        self._consent = {}  # kind -> the bag's consent records of that kind

    # Before anything is written ------------------------------------------------------------

    def check_site(self, records):
        """Refuse, naming them, missing locales and mission hubs the stories need."""
        codes = {record["locale"] for record in records}
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        missing_locales = sorted(codes - locales.keys())
        if missing_locales:
            raise ArchiveError(
                f"This site has no locale {', '.join(missing_locales)}: add the languages "
                "(WAGTAIL_CONTENT_LANGUAGES) and run `manage.py sync_locales` first."
            )
        missing = set()
        for record in records:
            key = _hub_key(record)
            if key in self.hubs:
                continue
            locale, country, headquarters = key
            hub = (
                MissionHubPage.objects.filter(
                    locale=locales[locale], country=country, is_headquarters=headquarters
                )
                .order_by("path")
                .first()
            )
            if hub is None:
                missing.add(f"{'HQ' if headquarters else country} in {locale}")
            self.hubs[key] = hub
        if missing:
            raise ArchiveError(
                "These missions have no hub here for the stories: "
                f"{', '.join(sorted(missing))}. Set each mission up first "
                "(`manage.py setup_mission --country KE --name Kenya --focal-point-email …`, "
                "then `manage.py sync_locales` for its hub in every language)."
            )

    # The import ------------------------------------------------------------------------------

    def run(self, records):
        for kind in self.media:
            for name, description in self.manifest[f"{kind}s"].items():
                self.media[kind][name] = self._media(kind, name, description)
        keys = {record["translation_key"] for record in records}
        for key, code, pk in Page.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale__language_code", "pk"
        ):
            self.pages[(str(key), code)] = pk
        pages = [record for record in records if not record["alias_of"]]
        aliases = [record for record in records if record["alias_of"]]
        drafts = [(record, self._draft(record)) for record in pages if self._is_new(record)]
        for record, page in drafts:
            if page is not None:
                self._publish(record, page)
        for record in aliases:
            if self._is_new(record):
                self._alias(record)

    def _is_new(self, record):
        if _key(record) in self.pages:
            self.report.counts["stories_present"] += 1
            return False
        return True

    def _draft(self, record):
        """The story made under its hub, not yet live, with what needs no other story."""
        page = HeroStoryPage(
            translation_key=record["translation_key"],
            locale=Locale.objects.get(language_code=record["locale"]),
            live=False,
            has_unpublished_changes=True,
        )
        self._set_fields(page, record)
        try:
            with transaction.atomic():
                # The hub as it is now (its children counted again after a skipped story).
                hub = MissionHubPage.objects.get(pk=self.hubs[_hub_key(record)].pk)
                hub.add_child(instance=page)
        except (ValidationError, DatabaseError) as error:
            self._skip(record, error)
            return None
        self.pages[_key(record)] = page.pk
        return page

    def _publish(self, record, page):
        """The story with its references to other stories, published, with its dates."""
        self._set_fields(page, record)  # again, every story of the bag now having its id
        page.related_stories = [
            RelatedStory(story_id=self.pages[_key(related)])
            for related in record["related_stories"]
            if _key(related) in self.pages
        ]
        page.tags.set(record["tags"])
        try:
            self._check_references(page, record)
            with transaction.atomic():
                page.save_revision().publish()
        except (ValidationError, DatabaseError, ArchiveError) as error:
            self._skip(record, error)
            Page.objects.filter(pk=page.pk).delete()
            del self.pages[_key(record)]
            return
        self._restore_dates(page, record)
        self.report.counts["stories_created"] += 1

    def _alias(self, record):
        source_pk = self.pages.get(_key(record["alias_of"]))
        if source_pk is None:
            self._skip(record, "its source is not here")
            return
        source = Page.objects.get(pk=source_pk).specific
        try:
            with transaction.atomic():
                alias = source.create_alias(
                    parent=MissionHubPage.objects.get(pk=self.hubs[_hub_key(record)].pk),
                    update_locale=Locale.objects.get(language_code=record["locale"]),
                    update_slug=record["slug"],
                    reset_translation_key=False,
                )
        except (ValidationError, DatabaseError, CreatePageAliasIntegrityError) as error:
            self._skip(record, error)
            return
        self.pages[_key(record)] = alias.pk
        self._restore_dates(alias, record)
        self.report.counts["aliases_created"] += 1

    def _skip(self, record, why):
        if isinstance(why, ValidationError):
            why = (
                "; ".join(
                    f"{name}: {' '.join(messages)}" for name, messages in why.message_dict.items()
                )
                if hasattr(why, "error_dict")
                else " ".join(why.messages)
            )
        self.report.skipped.append(f"story {record['translation_key']} ({record['locale']}): {why}")

    # Fields and references --------------------------------------------------------------------

    def _set_fields(self, page, record):
        remap = self._remap(record)
        for name in CONTENT_FIELDS:
            if name not in record["fields"]:
                continue  # an archive older than the field: the model's default
            model_field = page._meta.get_field(name)
            value = record["fields"][name]
            if model_field.is_relation:
                value = None if value is None else remap(model_field.related_model, str(value))
                setattr(page, model_field.attname, value)
            elif isinstance(model_field, (StreamField, RichTextField)):
                setattr(page, name, rewrite_field(model_field, value, remap))
            else:
                setattr(page, name, model_field.to_python(value))

    def _remap(self, record):
        """remap(model, id) for the references of `record`: the id here, or None."""
        targets = {(ref["kind"], ref["id"]): ref["target"] for ref in record["references"]}

        def remap(model, object_id):
            return self._id_here(kind_of(model), targets.get((kind_of(model), str(object_id))))

        return remap

    def _id_here(self, kind, target):
        if target is None:
            return None
        if kind in self.media:
            return self.media[kind].get(target)
        if kind == "page":
            return self._page_id(target)
        if kind == "snippet":
            return self._snippet_id(target)
        return None  # nothing else is archived

    def _page_id(self, target):
        if _key(target) in self.pages:
            return self.pages[_key(target)]
        page = (
            Page.objects.filter(
                translation_key=target["translation_key"], locale__language_code=target["locale"]
            ).first()
            or Page.objects.filter(url_path=target["url_path"]).first()
        )
        return page.pk if page is not None else None

    def _snippet_id(self, target):
        """A translatable snippet (a hero category): the one here with its translation key, or
        its slug, in its locale; else made from the bag."""
        model = apps.get_model(target["model"])
        locale = Locale.objects.filter(language_code=target["locale"]).first()
        if not issubclass(model, TranslatableMixin) or locale is None:
            return None
        snippets = model._default_manager.filter(locale=locale)
        fields = target["fields"]
        snippet = snippets.filter(translation_key=target["translation_key"]).first()
        if snippet is None and "slug" in fields:
            snippet = snippets.filter(slug=fields["slug"]).first()
        if snippet is None:
            snippet = model(translation_key=target["translation_key"], locale=locale)
            for name, value in fields.items():
                setattr(snippet, name, model._meta.get_field(name).to_python(value))
            snippet.save()
        return snippet.pk

    def _check_references(self, page, record):
        """The page refers, place by place, to what the bag's story referred to, here."""
        expected = Counter()
        for ref in record["references"]:
            new_id = self._id_here(ref["kind"], ref["target"])
            if ref["field"] in CONTENT_FIELDS and new_id is not None:
                expected[(ref["path"], ref["kind"], str(new_id))] += 1
        found = Counter(
            (reference.content_path, kind_of(reference.model), reference.object_id)
            for reference in references_of(page)
            if reference.field_name in CONTENT_FIELDS
        )
        if found != expected:
            wrong = sorted((expected - found) + (found - expected))
            raise ArchiveError(f"its references could not be carried over: {wrong}")

    def _restore_dates(self, page, record):
        Page.objects.filter(pk=page.pk).update(
            first_published_at=parse_datetime(record["first_published_at"] or ""),
            last_published_at=parse_datetime(record["last_published_at"] or ""),
        )

    # Images and documents ---------------------------------------------------------------------

    def _media(self, kind, name, description):
        content = self.reader.bytes(name)
        if hashlib.sha256(content).hexdigest() != description["sha256"]:
            raise ArchiveError(f"data/{name} does not match its SHA-256 in manifest.json.")
        model = get_image_model() if kind == "image" else get_document_model()
        # The same file under the same title: the one imported before (or kept all along).
        # Two images of the bag may share their bytes, not their titles and consent records.
        existing = model.objects.filter(
            file_hash=hash_filelike(io.BytesIO(content)), title=description["title"]
        ).first()
        if existing is not None:
            self.report.counts[f"{kind}s_present"] += 1
            return existing.pk
        fields = IMAGE_FIELDS if kind == "image" else DOCUMENT_FIELDS
        item = model(
            collection=self._collection(description["collection"]),
            **{field: description[field] for field in fields if field in description},
        )
        if kind == "image" and description.get("focal_point"):
            for field_name in FOCAL_POINT_FIELDS:
                setattr(item, field_name, description["focal_point"][field_name])
        consent = self.manifest_consent(kind).get(name)
        if consent is not None and all(hasattr(item, field) for field in CONSENT_FIELDS):
            item.consent, item.consent_notes = consent["consent"], consent["notes"]
            self.report.counts["consent_records"] += 1
        item.file = ContentFile(content, name=Path(name).name)
        if kind == "image":
            item._set_image_file_metadata()
        else:
            item._set_document_file_metadata()
        item.save()
        self.stored.append((item.file.storage, item.file.name))
        with item.file.storage.open(item.file.name, "rb") as stored:
            if hashlib.sha256(stored.read()).hexdigest() != description["sha256"]:
                # cms.core.image_metadata: every new file is stored without hidden metadata.
                self.report.restripped.append(name)
        self.report.counts[f"{kind}s_created"] += 1
        return item.pk

    def manifest_consent(self, kind):
        if kind not in self._consent:
            name = f"consent/{kind}s.json"
            present = f"data/{name}" in self.reader.payload
            self._consent[kind] = self.reader.json(name) if present else {}
        return self._consent[kind]

    def _collection(self, name):
        root = Collection.get_first_root_node()
        return root.get_children().filter(name=name).first() or root

    def delete_stored_files(self):
        for storage, name in self.stored:
            storage.delete(name)


def _key(record):
    return (str(record["translation_key"]), record["locale"])


def _hub_key(record):
    mission = record["mission"] or {}
    return (record["locale"], mission.get("country", ""), bool(mission.get("headquarters")))
