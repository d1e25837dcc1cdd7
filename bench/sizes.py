"""How much content a benchmark corpus holds (importable before Django is set up)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    """How much content the corpus holds."""

    missions: int = 5
    stories: int = 200  # live and public, each with its own photo
    drafts: int = 20
    private: int = 10  # live but password-protected
    events: int = 100  # live, one a day from tomorrow
    locales: bool = False  # every page also in fr, es and ar (aliases, as wagtail-localize)

    @property
    def key(self):
        """A name for a corpus of these sizes (its kept database is named after it)."""
        languages = "l4" if self.locales else "l1"
        return (
            f"m{self.missions}_s{self.stories}_d{self.drafts}_p{self.private}"
            f"_e{self.events}_{languages}"
        )


TINY = Sizes(missions=2, stories=3, drafts=1, private=1, events=3)
