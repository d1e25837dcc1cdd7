"""Views of the campaign's own pages outside the page tree."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.admin.views.account import PasswordResetConfirmView

from cms.core import clients, outage
from heroes.forms import NominationForm
from heroes.services import intake, missions


class AcceptInvitationView(PasswordResetConfirmView):
    """An invited focal point chooses a password, which opens their (inactive) account."""

    success_url = reverse_lazy("wagtailadmin_login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        missions.activate_invited_user(form.user)
        return response


def serve_nominate_page(page, request):
    """The nomination form: PRG on success, errors in the form (rules: receive_nomination)."""
    context = page.get_context(request)
    form = NominationForm()
    if request.method == "POST":
        try:
            intake.receive_nomination(
                data=request.POST,
                photo=request.FILES.get("photo"),
                client=clients.client_key(request),
                language=get_language(),
            )
        except intake.TooManyRequests as refusal:
            form = NominationForm(request.POST)
            form.add_error(None, _("You have sent many nominations: please try again later."))
            response = TemplateResponse(
                request, page.get_template(request), {**context, "form": form}, status=429
            )
            response["Retry-After"] = str(refusal.retry_after)
            return response
        except intake.Invalid as error:
            form = error.form
        except intake.IsSpam:
            return redirect(f"{page.url}?sent=1")  # thanked, and ignored
        except intake.NotStored:
            form = NominationForm(request.POST)
            form.add_error(
                None,
                _(
                    "Your nomination could not be saved just now, and nothing of it was kept. "
                    "Please send it again in a few minutes."
                ),
            )
            response = TemplateResponse(
                request, page.get_template(request), {**context, "form": form}, status=503
            )
            response["Retry-After"] = str(outage.RETRY_AFTER_SECONDS)
            return response
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


# The public vote ---------------------------------------------------------------------------


def _vote_context(page, request, voting_round):
    """What the vote page shows of `voting_round` in the page's language."""
    from django.conf import settings

    from heroes import selectors, voting

    context = page.get_context(request)
    context["voting_round"] = voting_round
    if voting_round is None:
        return context
    shown = selectors.shortlisted_stories(voting_round, locale=page.locale)
    context.update(
        phase=voting_round.phase(),
        stories=[story for _item, story in shown],
        # Wall-clock times of the round's time zone: templates would convert aware ones.
        opens_at=voting_round.local_opens_at().replace(tzinfo=None),
        closes_at=voting_round.local_closes_at().replace(tzinfo=None),
        never_cache=voting.phase_changes_within(settings.PUBLIC_CACHE_TIMEOUT),
    )
    if voting.results_are_public(voting_round):
        results = voting.results(voting_round)
        story_of = {item.story_id: story for item, story in shown}
        rows = [(story_of[r.story_id], r) for r in results.stories if r.story_id in story_of]
        context.update(
            results=results,
            result_rows=sorted(rows, key=lambda row: -row[1].total),
            winners=[(story_of[r.story_id], r) for r in results.winners if r.story_id in story_of],
        )
    return context


def _vote_response(request, template, context, status=200):
    from django.utils.cache import add_never_cache_headers

    response = TemplateResponse(request, template, context, status=status)
    if context.get("never_cache"):
        add_never_cache_headers(response)
    return response


def serve_vote_page(page, request):
    """The shortlist and its form (PRG on success), or the results once the vote closed."""
    from heroes import selectors, voting

    voting_round = selectors.current_voting_round()
    context = _vote_context(page, request, voting_round)
    template = page.get_template(request)
    if request.method != "POST" or voting_round is None:
        context["sent"] = request.GET.get("sent") == "1"
        return _vote_response(request, template, context)
    chosen = request.POST.getlist("stories")
    email = request.POST.get("email", "")
    try:
        voting.cast_ballot(
            voting_round=voting_round,
            story_ids=chosen,
            email=email,
            client=clients.client_key(request),
            language=get_language(),
        )
    except voting.BallotRefused as refusal:
        context.update(
            refusal=refusal,
            errors=getattr(refusal, "errors", {}),
            chosen=chosen,
            email=email,
        )
        response = _vote_response(request, template, context, status=refusal.status)
        if isinstance(refusal, voting.TooManyBallots):
            response["Retry-After"] = str(refusal.retry_after)
        return response
    return redirect(f"{page.url}?sent=1")


def serve_vote_confirmation(page, request, token):
    """The emailed link: GET asks for one click (mail scanners open links too), POST counts."""
    from django.utils.cache import add_never_cache_headers

    from heroes import selectors, voting

    voting_round = selectors.current_voting_round()
    context = {**page.get_context(request), "token": token, "voting_round": voting_round}
    status = 200
    try:
        if request.method == "POST":
            voting.confirm_ballot(token=token, voting_round=voting_round)
            context["confirmed"] = True
        else:
            voting.check_link(token=token, voting_round=voting_round)
    except voting.BallotRefused as refusal:
        context["refusal"] = refusal
        status = refusal.status
    response = TemplateResponse(request, "heroes/vote_confirm.html", context, status=status)
    add_never_cache_headers(response)
    return response
