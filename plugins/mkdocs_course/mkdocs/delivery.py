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

    def on_post_build(self, config, outline, progress_page: str | None, journey=None, brand=None) -> None:
        if outline is None or self.nav is None:
            return  # no page was built
        nav = self.nav
        setup = self.build.languages
        steps = {s.url: s for s in journey.steps} if journey else {}
        pages = []
        for page in nav.pages:
            settings, step = self.build.pages.get(page.file.src_uri), steps.get(page.url)
            pages.append({
                "id": settings.page_id if settings else None,
                "url": page.url, "title": page.title or "",
                "quizzes": list(self.build.placements.by_page.get(page.file.src_uri, ())),
                "reading": bool(settings and settings.required),
                "module": step.number if step else None,
                "minutes": step.minutes if step else None,
            })
        data = build_manifest(
            outline, self.build.quizzes,
            language=setup.language,
            direction="rtl" if is_rtl(setup.language) else "ltr",
            source_language=setup.source,
            languages=setup.languages,
            pages=pages,
            progress_page=progress_page,
            brand=brand.manifest() if brand else None,
        )
        write_manifest(config.site_dir, data)
