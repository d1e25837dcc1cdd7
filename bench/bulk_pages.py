"""Pages written in bulk for the benchmark's corpus: the same rows as page by page, faster.

Adding a page the usual way (treebeard's add_child, Page.save, its signals) costs some
fifty SQL queries: the tree position, the slug check, the search index, the reference
index, the page's tags one by one; an alias made by wagtail-localize as many again. For a
corpus of 40,000 pages that is hours. Here pages built (unsaved) by the factories are
given their tree position, slug and URL path in Python, then written one INSERT per table
per batch; an alias is the copy Wagtail's create_alias makes (every field but the tree's,
`alias_of` its source, the same translation key, the target locale, its tags and privacy).
The search index is filled once at the end, in chunks. No signal is sent: nothing the
benchmark reads waits on one (webhooks, cache invalidation, the reference index, which
only the admin's usage counts and image cache invalidation read).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from heroes.models.stories import HeroStoryTag

# Fields an alias does not copy from its source (Wagtail's create_alias excludes the same).
NOT_COPIED = {"id", "path", "depth", "numchild", "url_path", "latest_revision_id"}
INDEX_CHUNK = 1000


class Tree:
    """Tree positions, slugs and URL paths of new children, and their parents' child counts."""

    def __init__(self):
        self._next_step = {}
        self._slugs = {}
        self._added = defaultdict(int)
        self._parents = {}
        self._aliases = {}  # (source parent id, locale id) -> the parent's alias there

    def _position(self, parent):
        if parent.pk not in self._next_step:
            last = parent.get_last_child()
            self._next_step[parent.pk] = (
                Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
            )
            self._slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
            self._parents[parent.pk] = parent
        step = self._next_step[parent.pk]
        self._next_step[parent.pk] = step + 1
        self._added[parent.pk] += 1
        return Page._get_path(parent.path, parent.depth + 1, step), parent.depth + 1

    def _slug(self, parent, wanted):
        taken = self._slugs[parent.pk]
        slug, n = wanted, 1
        while slug in taken:
            n += 1
            slug = f"{wanted}-{n}"
        taken.add(slug)
        return slug

    def _place(self, page, parent):
        page.path, page.depth = self._position(parent)
        page.slug = self._slug(parent, page.slug or slugify(page.title))
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.numchild = 0
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.content_type = ContentType.objects.get_for_model(page)

    def insert(self, pages):
        """Write `pages` (one model, unsaved, each with its parent in `_parent`)."""
        for page in pages:
            self._place(page, page._parent)
        _insert(pages)
        return pages

    def alias_parent(self, parent, locale):
        key = (parent.pk, locale.pk)
        if key not in self._aliases:
            self._aliases[key] = Page.objects.get(
                translation_key=parent.translation_key, locale=locale
            )
        return self._aliases[key]

    def insert_aliases(self, sources, locale):
        """Aliases of `sources` in `locale`, under their parents' aliases there."""
        model = type(sources[0])
        aliases = []
        for source in sources:
            alias = model(
                **{
                    field.attname: getattr(source, field.attname)
                    for field in model._meta.concrete_fields
                    if field.attname not in NOT_COPIED and not field.primary_key
                }
            )
            alias.alias_of_id = source.pk
            alias.has_unpublished_changes = not source.live
            parent = self.alias_parent(source._parent, locale)
            self._place(alias, parent)
            alias.slug = source.slug  # wagtail-localize keeps it: no sibling has it there
            alias.url_path = f"{parent.url_path}{alias.slug}/"
            alias.locale_id = locale.pk
            aliases.append(alias)
        _insert(aliases)
        return aliases

    def save_child_counts(self):
        for parent_id, added in self._added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + added)
            if parent_id in self._parents:
                self._parents[parent_id].numchild += added
        self._added.clear()


def _insert(pages):
    """One INSERT into wagtailcore_page and one into the specific model's table."""
    model = type(pages[0])
    if list(model._meta.parents) != [Page]:
        raise TypeError(f"{model.__name__} must inherit from Page alone to be written in bulk")
    bases = Page.objects.bulk_create(
        Page(
            **{
                field.attname: getattr(page, field.attname)
                for field in Page._meta.concrete_fields
                if not field.primary_key
            }
        )
        for page in pages
    )
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
        page._state.adding = False
        page._state.db = connection.alias
    # Django's bulk_create refuses multi-table models; its own single-table INSERT does not.
    model._base_manager._insert(
        pages, fields=model._meta.local_concrete_fields, using=connection.alias
    )


def tag(pages, names_per_page):
    """The tags of each page (a list of names per page), as ClusterTaggableManager stores them."""
    names = {name for names in names_per_page for name in names}
    tags = {name: Tag.objects.get_or_create(name=name)[0] for name in sorted(names)}
    HeroStoryTag.objects.bulk_create(
        HeroStoryTag(content_object_id=page.pk, tag=tags[name])
        for page, page_names in zip(pages, names_per_page, strict=True)
        for name in page_names
    )


def index(pages_by_model, images, aliases_by_model, *, progress):
    """The search index of every page and image written, once, in chunks (as update_index).

    An alias holds its source's words, so on PostgreSQL its entries are its source's,
    copied in SQL; elsewhere aliases are indexed as any page.
    """
    backend = get_search_backend()
    copy_entries = connection.vendor == "postgresql"
    todo = [(model, ids) for model, ids in pages_by_model.items()]
    if not copy_entries:
        todo += [(model, [a for _s, a in pairs]) for model, pairs in aliases_by_model.items()]
    if images:
        todo.append((type(images[0]), [image.pk for image in images]))
    total = sum(len(ids) for _model, ids in todo)
    done = 0
    for model, ids in todo:
        for start in range(0, len(ids), INDEX_CHUNK):
            chunk = ids[start : start + INDEX_CHUNK]
            objects = model.get_indexed_objects().filter(pk__in=chunk)
            if hasattr(model, "tags"):
                objects = objects.prefetch_related("tags")
            backend.add_bulk(model, list(objects))
            done += len(chunk)
            progress(f"search index {done:,}/{total:,}")
    if copy_entries:
        for model, pairs in aliases_by_model.items():
            for start in range(0, len(pairs), INDEX_CHUNK * 10):
                _copy_index_entries(model, pairs[start : start + INDEX_CHUNK * 10])
            progress(f"search index of {len(pairs):,} aliases ({model.__name__}) copied")


def _copy_index_entries(model, pairs):
    """Each alias gets its source's index entries: (source id, alias id) pairs."""
    content_types = [
        ContentType.objects.get_for_model(each).pk for each in (model, *model._meta.parents)
    ]
    table = IndexEntry._meta.db_table
    rows = ", ".join(["(%s, %s)"] * len(pairs))
    columns = "title, autocomplete, body, title_norm, title_text, body_text"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (content_type_id, object_id, {columns}) "  # noqa: S608
            f"SELECT entry.content_type_id, pair.alias, {columns} FROM {table} entry "
            f"JOIN (VALUES {rows}) AS pair (source, alias) ON entry.object_id = pair.source "
            f"WHERE entry.content_type_id IN ({', '.join(['%s'] * len(content_types))})",
            [str(id) for pair in pairs for id in pair] + content_types,
        )
