"""The course's own look: its title and organisation in the footer, its logo
and colours, as mkdocs.yml sets them (Material's ``theme.logo`` and
``theme.palette``, the certificate's ``logo`` and ``organisation``).

The header shows the logo and colours already (Material draws them); the
certificate takes the same logo unless it names its own, and the palette's
primary colour for its frame; the build manifest names them all, for an
installed app made later from the site. Nothing here depends on MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Mapping, Sequence

# Material for MkDocs' primary colours (its palette stylesheet), so the
# manifest can give an app's theme colour as a hex value.
MATERIAL_COLOURS = {
    "red": "#ef5552", "pink": "#e92063", "purple": "#ab47bd", "deep-purple": "#7e56c2",
    "indigo": "#4051b5", "blue": "#2094f3", "light-blue": "#02a6f2", "cyan": "#00bdd6",
    "teal": "#009485", "green": "#4cae4f", "light-green": "#8bc34b", "lime": "#cbdc38",
    "yellow": "#ffec3d", "amber": "#ffc105", "orange": "#ffa724", "deep-orange": "#ff6e42",
    "brown": "#795649", "grey": "#757575", "blue-grey": "#546d78", "black": "#161618", "white": "#ffffff",
}
DEFAULT_PRIMARY = "indigo"
COPYRIGHT = '<div class="md-copyright">'


@dataclass(frozen=True)
class Brand:
    title: str
    organisation: str = ""
    logo: str = ""  # site-relative path of the course logo, "" for none
    primary: str = DEFAULT_PRIMARY  # Material's palette name (or "custom")
    accent: str = ""

    @property
    def theme_color(self) -> str | None:
        """The primary colour as hex, when it is one of Material's."""
        return MATERIAL_COLOURS.get(self.primary)

    def manifest(self) -> dict:
        return {
            "title": self.title, "organisation": self.organisation or None, "logo": self.logo or None,
            "primary": self.primary, "accent": self.accent or None, "theme_color": self.theme_color,
        }

    def footer(self) -> str:
        """The footer line: the course, and its organisation."""
        org = f" \u00b7 {escape(self.organisation)}" if self.organisation else ""
        return f'<p class="course-footer"><strong>{escape(self.title)}</strong>{org}</p>'

    def add_footer(self, output: str) -> str:
        """A page with the footer line at the start of Material's copyright block."""
        return output.replace(COPYRIGHT, COPYRIGHT + self.footer(), 1)


def palette_colours(palette: Mapping | Sequence | None) -> tuple[str, str]:
    """(primary, accent) of a Material palette setting: one scheme or a list
    of them (the first that names a colour)."""
    schemes = palette if isinstance(palette, (list, tuple)) else [palette or {}]
    primary = next((s.get("primary") for s in schemes if isinstance(s, Mapping) and s.get("primary")), None)
    accent = next((s.get("accent") for s in schemes if isinstance(s, Mapping) and s.get("accent")), None)
    return str(primary or DEFAULT_PRIMARY).lower().replace(" ", "-"), str(accent or "").lower().replace(" ", "-")
