"""The finishing touches that make the OpenAPI document usable by client generators as it is.

django-ninja and Wagtail build the document from the routers; `finish_document` then writes
down what the routers cannot say themselves, so that openapi-python-client, openapi-typescript
and linters read the contract right:

- anonymous access: every route reads anonymously and takes an optional token, so the
  document says so once, at the top (`security: [{}, {"BearerTokenAuth": []}]`); a route
  that needs a token says so itself. A per-operation `[{"BearerTokenAuth": []}, {}]` would
  make generators demand an authenticated client for public reads.
- `servers`: the configured base URL (WAGTAILAPI_BASE_URL; the paths start with /api/v3/).
- errors: every operation lists the 4xx problem documents (RFC 7807, `ProblemDetail`) it
  can answer.
- pagination: `limit` declares the WAGTAILAPI_LIMIT_MAX the API enforces.
- request bodies: Wagtail's optional action bodies (unpublish, copy, create_alias) come as
  `allOf: [$ref]` beside a `default` object, which generators type as an untyped object;
  they are written as the plain `$ref` (their properties carry the same defaults).
- Wagtail's write schemas list a rich text field's features as `features`, which is no
  JSON Schema keyword: written `x-rich-text-features`, as its read schemas do.
- components no operation uses (django-ninja lists the query parameter models it flattens)
  are left out, so generators don't make classes for them.
- page types: the page unions are told apart by `meta.type`, a constant per page type; it
  is declared required so a generator trying each member in turn picks the right one.
  (OpenAPI's `discriminator` names a property of the object itself; Wagtail nests the type
  under `meta`, so the unions cannot declare one. Stream bodies do: see cms/core/blocks.)
"""

from django.conf import settings
from wagtail.api.v3.errors import PROBLEM_JSON

BEARER = "BearerTokenAuth"
OPTIONAL_TOKEN = [{}, {BEARER: []}]
PROBLEM_SCHEMA = "ProblemDetail"

#: What each error status of the API means, as the document tells it.
PROBLEMS = {
    400: "A parameter is out of its bounds (limit above the maximum, unknown rich text format).",
    401: "The bearer token is not valid (unknown, revoked, expired), or a token is needed.",
    403: "The token's user may not do this.",
    404: "Nothing public matches.",
    422: "A parameter or the body is not valid: `errors` names each one.",
}


def finishing(get_schema):
    """Wrap the API's `get_openapi_schema` so the document it returns is finished."""

    def get_openapi_schema(*args, **kwargs):
        return finish_document(get_schema(*args, **kwargs))

    return get_openapi_schema


def finish_document(schema):
    """`schema` (the OpenAPI document as a dict) finished in place, and returned."""
    schema["servers"] = [{"url": settings.WAGTAILAPI_BASE_URL.rstrip("/")}]
    if BEARER in schema.get("components", {}).get("securitySchemes", {}):
        schema["security"] = OPTIONAL_TOKEN
    _declare_problem_schema(schema)
    for operation in _operations(schema):
        _declare_security(operation)
        _declare_problems(operation)
        _declare_limit(operation)
        _plain_request_body(operation)
    _require_page_types(schema)
    _extension_keywords(schema["components"]["schemas"])
    _drop_unused_schemas(schema)
    return schema


def _operations(schema):
    for path, path_item in schema["paths"].items():
        for method, operation in path_item.items():
            if method in {"get", "put", "post", "patch", "delete"}:
                yield _Operation(path, operation)


class _Operation:
    """An operation of the document and the path it answers on."""

    def __init__(self, path, operation):
        self.path = path
        self.data = operation

    @property
    def needs_token(self):
        return self.data.get("security") == [{BEARER: []}]

    def parameters(self, location=None):
        return [
            parameter
            for parameter in self.data.get("parameters", [])
            if location is None or parameter.get("in") == location
        ]


def _declare_security(operation):
    """Public operations inherit the document's optional token; token-only ones keep theirs."""
    security = operation.data.get("security")
    if security is not None and not operation.needs_token:
        del operation.data["security"]


def _declare_problem_schema(schema):
    from wagtail.api.v3.errors import ProblemDetail

    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    if PROBLEM_SCHEMA not in schemas:
        schemas[PROBLEM_SCHEMA] = ProblemDetail.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )


def _problem_statuses(operation):
    names = {parameter["name"] for parameter in operation.parameters()}
    statuses = {401}
    if operation.needs_token or operation.data.get("operationId") == "headless_preview":
        statuses.add(403)
    if operation.parameters("path") or operation.data.get("operationId", "").endswith("_find"):
        statuses.add(404)
    if operation.parameters() or "requestBody" in operation.data:
        statuses.add(422)
    if names & {"limit", "rich_text_format"}:
        statuses.add(400)
    return statuses


def _declare_problems(operation):
    # django-ninja keys responses by int status: strings, as in JSON, to add to them.
    responses = {
        str(status): response for status, response in operation.data.get("responses", {}).items()
    }
    operation.data["responses"] = responses
    for status in sorted(_problem_statuses(operation)):
        responses.setdefault(str(status), {"description": PROBLEMS[status]})
    for status, response in responses.items():
        if status.startswith(("4", "5")):
            response["content"] = {
                PROBLEM_JSON: {"schema": {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA}"}}
            }


def _declare_limit(operation):
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", None)
    for parameter in operation.parameters("query"):
        if parameter["name"] == "limit" and limit_max is not None:
            parameter["schema"].setdefault("maximum", limit_max)
            parameter["schema"].setdefault("minimum", 1)
        elif parameter["name"] == "offset":
            parameter["schema"].setdefault("minimum", 0)


def _plain_request_body(operation):
    for media in operation.data.get("requestBody", {}).get("content", {}).values():
        body = media.get("schema", {})
        if set(body) == {"allOf", "default"} and len(body["allOf"]) == 1:
            media["schema"] = body["allOf"][0]


def _require_page_types(schema):
    """`meta.type` required in the meta schema of every page type (a constant each)."""
    for component in schema["components"]["schemas"].values():
        type_property = component.get("properties", {}).get("type", {})
        if component.get("title", "").endswith("MetaSchema") and "const" in type_property:
            type_property.pop("default", None)
            required = component.setdefault("required", [])
            if "type" not in required:
                required.append("type")


def _extension_keywords(node):
    """`features` (Wagtail's write schemas) renamed to the extension `x-rich-text-features`."""
    if isinstance(node, dict):
        features = node.get("features")
        if isinstance(features, list) and all(isinstance(name, str) for name in features):
            node["x-rich-text-features"] = node.pop("features")
        for key, value in node.items():
            if key not in {"examples", "example", "default"}:
                _extension_keywords(value)
    elif isinstance(node, list):
        for value in node:
            _extension_keywords(value)


def _references(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"].rsplit("/", 1)[-1]
        for value in node.values():
            yield from _references(value)
    elif isinstance(node, list):
        for value in node:
            yield from _references(value)


def _drop_unused_schemas(schema):
    schemas = schema["components"]["schemas"]
    used, todo = set(), list(_references(schema["paths"]))
    while todo:
        name = todo.pop()
        if name not in used and name in schemas:
            used.add(name)
            todo.extend(_references(schemas[name]))
    for name in set(schemas) - used:
        del schemas[name]
