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

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Body, File, Form, Query, Router, UploadedFile
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.permissions import get_restricted_collection_ids
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.documents.api.v3 import router as wagtail_documents
from wagtail.images.api.v3 import router as wagtail_images
from wagtail.permissions import policy_registry

Image = wagtail_images.Image
Document = wagtail_documents.Document
ImageDetailSchema = wagtail_images.ImageDetailSchema
ImageCreateSchema = wagtail_images.ImageCreateSchema
ImagePatchSchema = wagtail_images.ImagePatchSchema
DocumentDetailSchema = wagtail_documents.DocumentDetailSchema
DocumentCreateSchema = wagtail_documents.DocumentCreateSchema
DocumentPatchSchema = wagtail_documents.DocumentPatchSchema

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


def _list(request, model, ordering, search, pagination_info, base_fields):
    field_filter = APIFieldFilterSchema.with_exclude_schemas(
        raw_params=request.GET, schemas=(OrderingSchema, SearchSchema), base_fields=base_fields
    )
    queryset = field_filter.filter_queryset(visible_media(request, model))
    queryset = ordering.order_queryset(queryset, pagination_info, base_fields=base_fields)
    return search.search_queryset(request, queryset)


def _current_collection_id(model, pk):
    """The collection a file is in; None when there is no such file (Wagtail answers 404)."""
    return model.objects.filter(pk=pk).values_list("collection_id", flat=True).first()


# Images ------------------------------------------------------------------------------------

images_router = Router(tags=["images"])


@images_router.get(
    "/",
    response=list[ImageDetailSchema],
    url_name="list_images",
    summary="List images",
    description="The images of the collections the token's user may see in the admin.",
    operation_id="images_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
@paginate(WagtailLimitOffsetPagination, pass_parameter="pagination_info")  # noqa: S106
def list_images(
    request,
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
    **kwargs,
):
    return _list(
        request,
        Image,
        ordering,
        search,
        kwargs.get("pagination_info"),
        wagtail_images.BASE_IMAGE_READ_FIELDS,
    )


@images_router.get(
    "/{image_id}/",
    response=ImageDetailSchema,
    url_name="detail_image",
    summary="Image detail",
    operation_id="images_detail",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
def get_image(request, image_id: int):
    return get_object_or_404(visible_media(request, Image), pk=image_id)


@images_router.post(
    "/",
    response={201: ImageDetailSchema},
    url_name="create_image",
    summary="Create image",
    operation_id="images_create",
    auth=BearerTokenAuth(),
)
def create_image(
    request,
    file: UploadedFile = File(...),  # noqa: B008
    data: ImageCreateSchema = Form(...),  # noqa: B008
):
    check_collection(request.user, Image, data.collection)
    return wagtail_images.create_image(request, file=file, data=data)


@images_router.patch(
    "/{image_id}/",
    response=ImageDetailSchema,
    url_name="update_image",
    summary="Update image",
    operation_id="images_update",
    auth=BearerTokenAuth(),
)
def update_image(request, image_id: int, data: ImagePatchSchema = Body(...)):  # noqa: B008
    current_collection_id = _current_collection_id(Image, image_id)
    if current_collection_id is not None:
        check_collection(
            request.user, Image, data.collection, current_collection_id=current_collection_id
        )
    return wagtail_images.update_image(request, image_id=image_id, data=data)


images_router.delete(
    "/{image_id}/",
    response={204: None},
    url_name="delete_image",
    summary="Delete image",
    operation_id="images_delete",
    auth=BearerTokenAuth(),
)(wagtail_images.delete_image)


# Documents ---------------------------------------------------------------------------------

documents_router = Router(tags=["documents"])


@documents_router.get(
    "/",
    response=list[DocumentDetailSchema],
    url_name="list_documents",
    summary="List documents",
    description="The documents of the collections the token's user may see in the admin.",
    operation_id="documents_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
@paginate(WagtailLimitOffsetPagination, pass_parameter="pagination_info")  # noqa: S106
def list_documents(
    request,
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
    **kwargs,
):
    return _list(
        request,
        Document,
        ordering,
        search,
        kwargs.get("pagination_info"),
        wagtail_documents.BASE_DOCUMENT_READ_FIELDS,
    )


@documents_router.get(
    "/{document_id}/",
    response=DocumentDetailSchema,
    url_name="detail_document",
    summary="Document detail",
    operation_id="documents_detail",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
def get_document(request, document_id: int):
    return get_object_or_404(visible_media(request, Document), pk=document_id)


@documents_router.post(
    "/",
    response={201: DocumentDetailSchema},
    url_name="create_document",
    summary="Create document",
    operation_id="documents_create",
    auth=BearerTokenAuth(),
)
def create_document(
    request,
    file: UploadedFile = File(...),  # noqa: B008
    data: DocumentCreateSchema = Form(...),  # noqa: B008
):
    check_collection(request.user, Document, data.collection)
    return wagtail_documents.create_document(request, file=file, data=data)


@documents_router.patch(
    "/{document_id}/",
    response=DocumentDetailSchema,
    url_name="update_document",
    summary="Update document",
    operation_id="documents_update",
    auth=BearerTokenAuth(),
)
def update_document(request, document_id: int, data: DocumentPatchSchema = Body(...)):  # noqa: B008
    current_collection_id = _current_collection_id(Document, document_id)
    if current_collection_id is not None:
        check_collection(
            request.user, Document, data.collection, current_collection_id=current_collection_id
        )
    return wagtail_documents.update_document(request, document_id=document_id, data=data)


documents_router.delete(
    "/{document_id}/",
    response={204: None},
    url_name="delete_document",
    summary="Delete document",
    operation_id="documents_delete",
    auth=BearerTokenAuth(),
)(wagtail_documents.delete_document)
