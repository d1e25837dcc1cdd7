from django import forms

from search.selectors import SearchFilters


class SearchForm(forms.Form):
    """The search page's query, facets and page number; a value that is not valid is dropped."""

    query = forms.CharField(required=False, strip=True)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)
    type = forms.SlugField(required=False, max_length=20)
    country = forms.RegexField(required=False, regex=r"^[A-Za-z]{2}$")
    mission = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    category = forms.SlugField(required=False, max_length=100)
    tag = forms.SlugField(required=False, max_length=100, allow_unicode=True)

    def filters(self):
        data = getattr(self, "cleaned_data", {})
        return SearchFilters(
            type=data.get("type") or "",
            country=(data.get("country") or "").upper(),
            mission=data.get("mission"),
            category=data.get("category") or "",
            tag=data.get("tag") or "",
        )
