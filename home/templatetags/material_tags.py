"""Campaign material in templates of other apps' pages (a mission's hub is heroes')."""

from django import template

from home import selectors

register = template.Library()


@register.simple_tag
def mission_material(hub):
    """The published material of the hub's mission (home.selectors.material_of_hub)."""
    return selectors.material_of_hub(hub)
