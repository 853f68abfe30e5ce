"""The brand feature's part of the build: the course and its organisation
in every page's footer, and the logo and colours for the build manifest
(the rules are in ``brand.py``)."""

from __future__ import annotations

import posixpath

from mkdocs.structure.files import Files

from ..brand import Brand, palette_colours
from .course import CourseBuild


def theme_logo(config, files: Files) -> str:
    """The site-relative path of Material's theme.logo, when it is a file of the site."""
    logo = config.theme.get("logo") or ""
    found = files.get_file_from_path(posixpath.normpath(logo)) if logo and "://" not in logo else None
    return found.url if found else ""


class BrandFeature:
    def on_config(self, build: CourseBuild, config) -> None:
        self.build = build
        self.primary, self.accent = palette_colours(config.theme.get("palette"))
        self.brand = None

    def on_files(self, files: Files, config) -> None:
        organisation = self.build.options.certificate.organisation or ""
        if organisation:
            organisation = self.build.languages.translations.get("config", organisation)
        self.brand = Brand(config.site_name, organisation, theme_logo(config, files), self.primary, self.accent)

    def on_post_page(self, output: str) -> str:
        return self.brand.add_footer(output) if self.brand else output
