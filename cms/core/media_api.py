"""The image and document APIs, scoped to the collections the token's user may work in.

Wagtail's v3 routers list every image and document outside a private collection to any
valid token, and file an upload into the uploader's sole collection whatever
`collection_id` says. Each mission keeps its media in its own collection (heroes.roles), so
here a token sees what its user sees in the admin (Wagtail's collection permissions), and an
upload or a move into a collection its user may not add to is refused with a 403 problem.

Wagtail's routers build their querysets in module functions with no hook to extend them, so
cms.api mounts these routers in their place. Only the listing, the detail and the collection
check are the project's: creating, editing and deleting still run Wagtail's own view
functions (its forms, actions and permission checks), declared here with Wagtail's own
paths, names and schemas so the OpenAPI document keeps the same operations.
"""

from dataclasses import dataclass
from types import ModuleType

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Body, File, Form, Path, Query, Router, UploadedFile
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.permissions import get_restricted_collection_ids
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.documents.api.v3 import router as wagtail_documents
from wagtail.images.api.v3 import router as wagtail_images
from wagtail.permissions import policy_registry

from cms.core.api_routes import listing

#: What lets a user see a file: the admin's image and document listings show those they
#: may change or delete, its choosers those they may choose.
VISIBLE_WITH = ("change", "delete", "choose")


def visible_media(request, model):
    """The images (or documents) of the collections the request's user may see in the admin.

    Collections whose privacy settings refuse the request stay out too, as in Wagtail's own
    routers.
    """
    permission_policy = policy_registry.get_by_type(model)
    return (
        permission_policy.instances_user_has_any_permission_for(request.user, VISIBLE_WITH)
        .exclude(collection__in=get_restricted_collection_ids(request))
        .prefetch_related("tags")
        .order_by("id")
    )


def check_collection(user, model, collection_id, *, current_collection_id=None):
    """PermissionDenied (a 403 problem) unless `user` may put a file in `collection_id`.

    A file may go in a collection its user may add to, or stay where it is. No collection
    asked for is Wagtail's business (the user's sole collection, or a validation error).
    """
    if collection_id is None or collection_id == current_collection_id:
        return
    permission_policy = policy_registry.get_by_type(model)
    allowed = permission_policy.collections_user_has_permission_for(user, "add")
    if not allowed.filter(pk=collection_id).exists():
        raise PermissionDenied(
            _("You may not add files to collection %(id)s: it is not one of yours.")
            % {"id": collection_id}
        )


@dataclass(frozen=True)
class MediaKind:
    """What tells the image API from the document API: the model, Wagtail's router module
    (its schemas, fields and view functions) and the words of the operations."""

    model: type
    wagtail: ModuleType
    singular: str  # "image": Wagtail's names (create_image, image_id, ImageDetailSchema)
    plural: str  # "images": the tag, the URL names and the operation ids

    def schema(self, suffix):
        return getattr(self.wagtail, f"{self.singular.capitalize()}{suffix}Schema")

    def wagtail_view(self, action):
        return getattr(self.wagtail, f"{action}_{self.singular}")


def media_router(kind):
    """The router of one kind of media: Wagtail's operations, paths, names and schemas, with
    the listing and detail scoped by visible_media and writes checked by check_collection."""
    router = Router(tags=[kind.plural])
    detail_schema = kind.schema("Detail")
    create_schema = kind.schema("Create")
    patch_schema = kind.schema("Patch")
    id_name = f"{kind.singular}_id"
    item_path = f"/{{{id_name}}}/"
    read_fields = getattr(kind.wagtail, f"BASE_{kind.singular.upper()}_READ_FIELDS")
    anyone = [BearerTokenAuth(), AllowAnonymous()]

    @listing(
        router,
        detail_schema,
        name=kind.plural,
        summary=f"List {kind.plural}",
        description=f"The {kind.plural} of the collections the token's user may see in the admin.",
        auth=anyone,
        pass_parameter="pagination_info",  # noqa: S106 (a parameter name)
    )
    def list_media(
        request,
        ordering: OrderingSchema = Query(...),  # noqa: B008
        search: SearchSchema = Query(...),  # noqa: B008
        **kwargs,
    ):
        field_filter = APIFieldFilterSchema.with_exclude_schemas(
            raw_params=request.GET, schemas=(OrderingSchema, SearchSchema), base_fields=read_fields
        )
        queryset = field_filter.filter_queryset(visible_media(request, kind.model))
        queryset = ordering.order_queryset(
            queryset, kwargs.get("pagination_info"), base_fields=read_fields
        )
        return search.search_queryset(request, queryset)

    @router.get(
        item_path,
        response=detail_schema,
        url_name=f"detail_{kind.singular}",
        summary=f"{kind.singular.capitalize()} detail",
        operation_id=f"{kind.plural}_detail",
        auth=anyone,
    )
    def get_media(request, pk: int = Path(..., alias=id_name)):
        return get_object_or_404(visible_media(request, kind.model), pk=pk)

    @router.post(
        "/",
        response={201: detail_schema},
        url_name=f"create_{kind.singular}",
        summary=f"Create {kind.singular}",
        operation_id=f"{kind.plural}_create",
        auth=BearerTokenAuth(),
    )
    def create_media(
        request,
        file: UploadedFile = File(...),  # noqa: B008
        data: create_schema = Form(...),  # noqa: B008
    ):
        check_collection(request.user, kind.model, data.collection)
        return kind.wagtail_view("create")(request, file=file, data=data)

    @router.patch(
        item_path,
        response=detail_schema,
        url_name=f"update_{kind.singular}",
        summary=f"Update {kind.singular}",
        operation_id=f"{kind.plural}_update",
        auth=BearerTokenAuth(),
    )
    def update_media(
        request,
        pk: int = Path(..., alias=id_name),
        data: patch_schema = Body(...),  # noqa: B008
    ):
        current_collection_id = (
            kind.model.objects.filter(pk=pk).values_list("collection_id", flat=True).first()
        )
        if current_collection_id is not None:  # None: no such file, Wagtail answers 404
            check_collection(
                request.user,
                kind.model,
                data.collection,
                current_collection_id=current_collection_id,
            )
        return kind.wagtail_view("update")(request, data=data, **{id_name: pk})

    router.delete(
        item_path,
        response={204: None},
        url_name=f"delete_{kind.singular}",
        summary=f"Delete {kind.singular}",
        operation_id=f"{kind.plural}_delete",
        auth=BearerTokenAuth(),
    )(kind.wagtail_view("delete"))
    return router


images_router = media_router(
    MediaKind(wagtail_images.Image, wagtail_images, singular="image", plural="images")
)
documents_router = media_router(
    MediaKind(
        wagtail_documents.Document, wagtail_documents, singular="document", plural="documents"
    )
)
