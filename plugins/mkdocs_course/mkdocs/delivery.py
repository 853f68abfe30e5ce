"""The delivery feature's part of the build: the build manifest that
exports (SCORM packages, the offline copy, trainer tools) read from the
finished site; see ``export/manifest.py``."""

from __future__ import annotations

from ..export.manifest import build_manifest, write_manifest
from ..i18n.languages import is_rtl


class DeliveryFeature:
    def on_config(self, build) -> None:
        self.build = build
        self.nav = None

    def on_nav(self, nav) -> None:
        self.nav = nav

    def on_post_build(self, config, outline, progress_page: str | None) -> None:
        if outline is None or self.nav is None:
            return  # no page was built
        nav = self.nav
        setup = self.build.languages
        pages = [
            {"url": page.url, "title": page.title or "", "quizzes": list(self.build.placements.by_page.get(page.file.src_uri, ()))}
            for page in nav.pages
        ]
        data = build_manifest(
            outline, self.build.quizzes,
            language=setup.language,
            direction="rtl" if is_rtl(setup.language) else "ltr",
            source_language=setup.source,
            languages=setup.languages,
            pages=pages,
            progress_page=progress_page,
        )
        write_manifest(config.site_dir, data)
