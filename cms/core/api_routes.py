"""How the campaign's routers declare a listing: one shape for every `GET /` that lists.

Every listing of the v3 API, Wagtail's and the campaign's, pages the same way (Wagtail's
limit/offset pagination: `limit`, `offset`, a `count` beside the `items`, and a 400 problem
past the maximum), and is named after what it lists: URL name `list_<name>`, operation id
`<name>_list`.
"""

from ninja.pagination import paginate
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination


def listing(
    router, item_schema, *, name, summary, pagination=WagtailLimitOffsetPagination, **options
):
    """Decorate a view as `GET /` of `router`: a page of `item_schema` items.

    The view returns a queryset (or a list); `pagination` cuts the page out of it. Other
    keyword arguments go to Ninja's `router.get` (description, auth …); `pass_parameter` goes
    to the paginator.
    """
    pass_parameter = options.pop("pass_parameter", None)
    paginator = (
        paginate(pagination, pass_parameter=pass_parameter)
        if pass_parameter
        else paginate(pagination)
    )

    def decorator(view):
        return router.get(
            "/",
            response=list[item_schema],
            url_name=f"list_{name}",
            summary=summary,
            operation_id=f"{name}_list",
            **options,
        )(paginator(view))

    return decorator
