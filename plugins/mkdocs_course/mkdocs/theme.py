"""Fixes to the theme that every page of the course gets (``site.css``)."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from ..runtime import site_stylesheet


class ThemeFeature:
    def on_config(self, build, config) -> None:
        site_css = site_stylesheet().path
        if site_css not in config.extra_css:
            config.extra_css.append(site_css)

    def on_files(self, files: Files, config) -> None:
        asset = site_stylesheet()
        files.append(File.generated(config, asset.path, content=asset.content))
