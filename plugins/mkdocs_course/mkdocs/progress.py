"""The progress feature's part of the build: the generated "My progress"
page, the course outline it shows, the certificate's text, and the map that
lets the navigation mark passed modules.

The rules (what completes the course, what the certificate says) are in
``progress/``; this module only connects them to MkDocs' events.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from pathlib import Path

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..progress import (
    MARKER,
    CertificateText,
    PlacedPage,
    ProgressPage,
    RequiredActivity,
    Signature,
    build_outline,
    check_page_files,
    check_required,
    check_required_ids,
    page_markdown,
    progress_page_path,
)
from ..runtime import nav_script, progress_assets
from .brand import theme_logo
from .course import CourseBuild, add_to_head


class ProgressFeature:
    def on_config(self, build: CourseBuild, config) -> None:
        """Check the required quizzes and the page's path; every page gets nav.js."""
        self.build = build
        self.outline = None
        check_required_ids(build.options.required, build.quizzes)
        self.page = progress_page_path(build.options.progress_page)
        nav = nav_script().path
        if nav not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(nav)

    def on_files(self, files: Files, config) -> None:
        """Add the generated page and its runtime; find the certificate's logo."""
        logo = self.build.options.certificate.logo
        docs = self.build.shown(Path(config.docs_dir))
        check_page_files(self.page, logo, lambda path: files.get_file_from_path(path) is not None, docs)
        files.append(File.generated(config, self.page, content=page_markdown(self.build.strings)))
        for asset in (*progress_assets(), nav_script()):
            files.append(File.generated(config, asset.path, content=asset.content))
        self.files = files
        # the certificate's own logo, else the course's (Material's theme.logo)
        self.logo = files.get_file_from_path(posixpath.normpath(logo)).url if logo else theme_logo(config, files)

    @property
    def page_url(self) -> str | None:
        """The site-relative URL of the generated page, once the files are known."""
        found = self.files.get_file_from_path(self.page)
        return found.url if found else None

    def on_page_context(self, nav, config) -> None:
        # Every page has been read by now, so every placement is known; the
        # outline is built once, before the first page is written.
        if self.outline is not None:
            return
        self.outline = self._outline(nav, config)
        # page URL (site-relative) -> its quiz ids, for nav.js to mark links
        self.nav_map = escape(json.dumps(
            {url: " ".join(ids) for url, ids in self.outline.quizzes_by_page().items()},
            ensure_ascii=False, separators=(",", ":"),
        ))

    def on_env(self) -> None:
        # Every page has been read: a required quiz no page places would make
        # the course impossible to complete.
        check_required(self.build.options.required, self.build.placements.first_page)

    def on_post_page(self, output: str, page) -> str:
        if self.outline is None:
            return output
        strings = self.build.strings
        if self.outline.modules or self.outline.readings or self.outline.activities:
            # nav.js finds the navigation links to quiz pages itself, from this
            # map and the site root; the page's HTML is not rewritten for it.
            root = get_relative_url(".", page.url) or "."
            meta = (
                f'<meta name="mkdocs-course" content="{escape(self.build.course_id)}" '
                f'data-course-nav-passed="{escape(strings["nav_passed"])}" '
                f'data-course-root="{escape(root)}" data-course-nav="{self.nav_map}">\n'
            )
            output = add_to_head(output, meta)
        if page.file.src_uri == self.page and MARKER in output:
            script, css = progress_assets()
            widget = ProgressPage(self.outline, self._certificate(), strings, self.build.activity_summaries).render(
                lambda url: get_relative_url(url, page.url), script.path, css.path
            )
            output = output.replace(MARKER, widget, 1)
        return output

    def _certificate(self) -> CertificateText:
        cert = self.build.options.certificate
        translations = self.build.languages.translations

        def t(text):
            return translations.get("config", text) if text else ""

        return CertificateText(
            title=t(cert.title),
            wording=t(cert.wording),
            organisation=t(cert.organisation),
            logo=self.logo,
            signatures=tuple(Signature(t(s.name), t(s.role)) for s in cert.signatures),
        )

    def _outline(self, nav, config):
        pages, seen, activity_urls = [], set(), {}
        by_page = self.build.placements.by_page
        activity_pages = self.build.activity_placements.by_page if self.build.activity_placements else {}
        # navigation order first, then pages that are not in the navigation
        for page in list(nav.pages) + [f.page for f in self.files.documentation_pages()]:
            if page is None or page.file.src_uri in seen:
                continue
            seen.add(page.file.src_uri)
            for activity_id in activity_pages.get(page.file.src_uri, ()):
                activity_urls.setdefault(activity_id, page.url)  # the first page, in navigation order
            ids = by_page.get(page.file.src_uri)
            settings = self.build.pages.get(page.file.src_uri)
            reading = bool(settings and settings.required)
            if ids or reading:
                pages.append(PlacedPage(page.file.src_uri, page.url, page.title or "", tuple(ids or ()),
                                        settings.page_id if settings else "", reading))
        titles = {a["id"]: a["title"] for a in self.build.activity_summaries}
        activities = [
            RequiredActivity(a, self.build.activities[a].kind, titles[a], activity_urls[a],
                             tuple(f.id for f in self.build.activities[a].fields),
                             tuple(r.id for r in self.build.activities[a].rows),
                             tuple(i.id for area in self.build.activities[a].areas for i in area.items),
                             tuple(area.id for area in self.build.activities[a].areas),
                             tuple(p.id for p in self.build.activities[a].scale))
            for a in dict.fromkeys(self.build.options.required_activities) if a in activity_urls
        ]
        return build_outline(
            self.build.course_id, config.site_name, pages, self.build.quizzes, self.build.options.required, activities
        )
