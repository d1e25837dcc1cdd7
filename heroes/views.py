"""Views of the campaign's own pages outside the page tree."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.admin.views.account import PasswordResetConfirmView

from cms.core import clients
from heroes import services
from heroes.forms import NominationForm


class AcceptInvitationView(PasswordResetConfirmView):
    """An invited focal point chooses a password, which opens their (inactive) account."""

    success_url = reverse_lazy("wagtailadmin_login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        services.activate_invited_user(form.user)
        return response


def serve_nominate_page(page, request):
    """The nomination form: PRG on success, errors in the form (rules: receive_nomination)."""
    context = page.get_context(request)
    form = NominationForm()
    if request.method == "POST":
        try:
            services.receive_nomination(
                data=request.POST,
                photo=request.FILES.get("photo"),
                client=clients.client_key(request),
                language=get_language(),
            )
        except services.TooManyNominations as refusal:
            form = NominationForm(request.POST)
            form.add_error(None, _("You have sent many nominations: please try again later."))
            response = TemplateResponse(
                request, page.get_template(request), {**context, "form": form}, status=429
            )
            response["Retry-After"] = str(refusal.retry_after)
            return response
        except services.InvalidNomination as error:
            form = error.form
        except services.NominationIsSpam:
            return redirect(f"{page.url}?sent=1")  # thanked, and ignored
        else:
            return redirect(f"{page.url}?sent=1")
    context.update(form=form, sent=request.GET.get("sent") == "1")
    return TemplateResponse(request, page.get_template(request), context)


def story_map(request):
    """Heroes per country in the active language: an SVG map and a list, no script needed."""
    from wagtail.models import Locale

    from heroes import maps, selectors

    locale = Locale.objects.get(language_code=get_language())
    countries = maps.stories_per_country(locale=locale)
    countries.sort(key=lambda country: country.name)
    return TemplateResponse(
        request,
        "heroes/story_map.html",
        {
            "countries": countries,
            "story_count": sum(country.count for country in countries),
            "story_index": selectors.story_index(locale=locale),
            "map_width": 360 * maps.MAP_SCALE,
            "map_height": 180 * maps.MAP_SCALE,
        },
    )
