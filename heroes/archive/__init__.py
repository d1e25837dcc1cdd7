"""The campaign's stories as an archive for posterity, and back.

The Migrant's Path Oral History Project keeps the authentic voices of global migration
for posterity: `export_archive` writes the campaign's published, public hero stories, in
every language, with their photos, documents (testimonies' audio, video and captions),
transcripts and the consent records of the images, as a BagIt bag (RFC 8493, the `bagit`
package) whose checksums prove that nothing changed since. `import_archive` checks the
bag and puts the stories back, live, into a site that has its missions but not these
stories: idempotent, the files byte for byte.

`export.py` writes a bag, `restore.py` reads one; `fields.py` says which field of a story
goes into the archive and which is left out, and why. The layout below is written into
every bag (data/README.txt) so that a reader decades from now needs nothing else.
"""

FORMAT = "migrantheroes-story-archive"
FORMAT_VERSION = 1

SOURCE_ORGANIZATION = "International Organization for Migration (IOM)"
PROJECT = "Migrant's Path Oral History Project"

LAYOUT = """\
#MigrantHeroes story archive, format version 1
==============================================

A BagIt bag (RFC 8493). bag-info.txt says who made it, when, from which campaign, and
how many stories, translations, aliases, images, documents and consent records it holds;
manifest-sha256.txt and manifest-sha512.txt hold the checksum of every file under data/,
tagmanifest-*.txt those of the tag files. `bagit.py --validate <bag>` checks them.

data/
  README.txt                              this description
  manifest.json                           what the bag holds: format and version, source,
                                          filters, counts, every story and its languages,
                                          every image and document, what was left out
  stories/<translation_key>/<locale>.json one story in one language
  media/images/<file>                     the images' original files, as stored
  media/documents/<file>                  documents (audio, video, captions, PDF), as stored
  consent/images.json                     the consent record of every image

A story is known by its translation key (the same in every language) and a locale
(en, fr, es, ar ...). Each <locale>.json is one of:

- a page in that language (the source or a translation): "alias_of" is null, and
  "fields" holds what the public reads: title, slug, hero_name, headline, intro, the
  countries (ISO 3166 codes), the body (the StreamField's JSON: paragraphs, quotes,
  images, call-outs, testimonies with their transcripts ...), the photo, the share image
  and text, the category; "tags" and "related_stories" (by translation key and locale);
- an alias: the page shown in that language until it is translated, the same content as
  its source, recorded as "alias_of": {"translation_key", "locale"} without content.

Both carry "slug", "url_path" and "url" (where it was published), "first_published_at"
and "last_published_at", and "mission" (country code, name, headquarters or not).

Ids in "fields" (the photo, images and documents in the body, linked pages, the category)
are those of the source database; "references" says what each one is: an image or a
document of the bag (its file under data/), a page (translation key, locale, URL path) or
a snippet (its fields).

manifest.json "images" and "documents" describe each file (title, alt text, credit,
size, focal point, collection, SHA-256); consent/images.json holds for each image file
what the pictured person agreed to ("consent", with its label) and the consent notes
(who gave consent, when and for what use). The notes are records, not for publication.

Left out on purpose (manifest.json "left_out" gives the reasons): drafts, private and
unpublished pages; the nominator's name and credit; public nominations and everything
about nominees and nominators; editors' accounts (owners, locks, uploaders), revisions,
comments and workflow states.
"""


class ArchiveError(Exception):
    """An export or an import that cannot be done as asked; the message says why."""


def kind_of(model):
    """What a reference points at, as the archive names it: "image", "document", "page",
    "snippet" (a translatable snippet, e.g. a hero category), else the model's label."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, TranslatableMixin

    if issubclass(model, get_image_model()):
        return "image"
    if issubclass(model, get_document_model()):
        return "document"
    if issubclass(model, Page):
        return "page"
    if issubclass(model, TranslatableMixin):
        return "snippet"
    return model._meta.label_lower
