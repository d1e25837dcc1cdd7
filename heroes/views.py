"""Views of the campaign's own pages outside the page tree."""

from django.urls import reverse_lazy
from wagtail.admin.views.account import PasswordResetConfirmView

from heroes import services


class AcceptInvitationView(PasswordResetConfirmView):
    """An invited focal point chooses a password, which opens their (inactive) account."""

    success_url = reverse_lazy("wagtailadmin_login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        services.activate_invited_user(form.user)
        return response
