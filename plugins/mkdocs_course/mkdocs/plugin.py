"""The ``course`` MkDocs plugin: event handlers that call the course logic."""

from __future__ import annotations

import json
import posixpath
import re
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

# -- progress
from ..progress import (
    MARKER as PROGRESS_MARKER,
)
from ..progress import (
    CertificateText,
    OutlineError,
    PlacedPage,
    ProgressPage,
    Signature,
    build_outline,
    check_required,
    page_markdown,
)
from ..quiz import (
    QuizCollection,
    QuizError,
    QuizRenderer,
    find_placements,
    replace_placements,
)
from ..quiz.cache import DiskCache
from ..quiz.placement import MARKER, find_stray_quiz_links
from ..runtime import nav_script, progress_assets, runtime_assets, site_stylesheet
from .config import CourseConfig
from .languages import (
    add_fallback_files,
    add_sitemap_alternates,
    apply_to_config,
    fallback_notice,
    setup_language,
    translate_nav,
)

log = get_plugin_logger(__name__)

HEAD_END = re.compile(r"</head>", re.IGNORECASE)
# -- progress: a link of Material's navigation, as its nav-item.html writes it
# (a literal pattern: a general one cost 3 % of the build on a 100-page course)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "course"


class CoursePlugin(BasePlugin[CourseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.collection: QuizCollection | None = None
        self.renderer: QuizRenderer | None = None
        self.placed: dict[str, str] = {}  # quiz id -> page that places it
        self.quiz_pages: dict[str, list[str]] = {}  # page src_uri -> quiz ids

    # -- configuration ---------------------------------------------------------

    # Before the search plugin's on_config, which takes its language from the
    # theme language this handler sets for the language being built.
    @event_priority(100)
    def on_config(self, config, **kwargs):
        if not self.config.enabled:
            return config
        project_dir = Path(config.config_file_path or ".").resolve().parent
        self.project_dir = project_dir
        self.course_id = self.config.course_id or slug(config.site_name)
        self.languages = setup_language(self.config, config, project_dir)
        apply_to_config(self.languages, config)
        self.fallback_pages: set[str] = set()
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", self.course_id):
            raise PluginError(
                f"course: course_id '{self.course_id}' is not a valid id. Use letters, "
                "digits, '-' and '_' only."
            )
        pass_mark = self.config.pass_mark
        if not 0 <= pass_mark <= 100:
            raise PluginError(
                f"course: pass_mark is {pass_mark}; it must be a percentage from 0 to 100."
            )
        folder = project_dir / self.config.quizzes_dir
        disk_cache = DiskCache(project_dir / self.config.cache_dir) if self.config.cache else None
        if self.collection is None or self.collection.folder != folder:
            self.collection = QuizCollection(folder, project_dir, pass_mark, disk_cache)
        self.collection.default_pass_mark = pass_mark
        try:
            self.collection.load()
        except QuizError as exc:
            raise PluginError(f"course: {exc}") from None
        self.renderer = QuizRenderer(self.course_id, self.languages.translations, disk_cache=disk_cache)
        site_css = site_stylesheet().path
        if site_css not in config.extra_css:
            config.extra_css.append(site_css)
        self.placed = {}
        self.quiz_pages = {}
        self._progress_on_config(config)  # -- progress
        return config

    def on_serve(self, server, *, config, builder, **kwargs):
        if self.config.enabled and self.collection is not None:
            server.watch(str(self.collection.folder))
            for folder in (self.languages.translations_dir, self.languages.source_docs_dir):
                if folder.is_dir():
                    server.watch(str(folder))
        return server

    def on_files(self, files: Files, *, config, **kwargs):
        if not self.config.enabled:
            return files
        for asset in (*runtime_assets(), site_stylesheet()):
            files.append(File.generated(config, asset.path, content=asset.content))
        self.fallback_pages = add_fallback_files(self.languages, files, config)
        self._progress_on_files(files, config)  # -- progress
        return files

    def on_nav(self, nav, *, config, files, **kwargs):
        if self.config.enabled:
            translate_nav(self.languages, nav)
        return nav

    # -- pages -------------------------------------------------------------------

    def on_page_markdown(self, markdown, *, page, config, files, **kwargs):
        if not self.config.enabled:
            return markdown
        placements = find_placements(markdown)
        stray = find_stray_quiz_links(markdown) if "quiz:" in markdown else []
        if not placements and not stray:
            return markdown
        shown = self._page_path(page, config)
        for link in stray:
            error = QuizError(
                shown,
                (link.line, link.column),
                "this quiz link shares its line with other text, so it would reach learners "
                "as a dead link",
                "Put '[Quiz: title](quiz:<id>)' on a line of its own to place the quiz, "
                "or write the link inside `backticks` to show it as an example.",
            )
            raise PluginError(f"course: {error}")
        ids = []
        for placement in placements:
            quiz = self.collection.quizzes.get(placement.quiz_id)
            if quiz is None:
                known = ", ".join(sorted(self.collection.quizzes)) or "none"
                error = QuizError(
                    shown,
                    (placement.line, placement.column),
                    f"this page places the quiz '{placement.quiz_id}', but no quiz has that id",
                    f"Known quiz ids: {known}. A quiz's id is the 'id' in its file under "
                    f"{self.config.quizzes_dir}/, or else the file name.",
                )
                raise PluginError(f"course: {error}")
            if placement.quiz_id in self.placed and self.placed[placement.quiz_id] != shown:
                log.warning(
                    f"{shown}:{placement.line}: the quiz '{placement.quiz_id}' is also placed on "
                    f"{self.placed[placement.quiz_id]}; a learner's results are shared between both places."
                )
            self.placed.setdefault(placement.quiz_id, shown)
            ids.append(placement.quiz_id)
        self.quiz_pages[page.file.src_uri] = ids
        return replace_placements(markdown)

    def on_page_content(self, html, *, page, config, files, **kwargs):
        if self.config.enabled and page.file.src_uri in self.fallback_pages:
            html = fallback_notice(self.languages, self.renderer.strings, html)
        if not self.config.enabled or not self.quiz_pages.get(page.file.src_uri):
            return html
        script, _ = runtime_assets()
        src = get_relative_url(script.path, page.url)
        # Inside the content so Material's instant navigation runs it again
        # on every page that has a quiz; the runtime is idempotent.
        return html + f'\n<script src="{src}"></script>\n'

    def on_env(self, env, *, config, files, **kwargs):
        if self.config.enabled:
            for quiz_id, quiz in sorted(self.collection.quizzes.items()):
                if quiz_id not in self.placed:
                    log.warning(
                        f"{quiz.source}: the quiz '{quiz_id}' is not placed on any page, so "
                        f"learners never see it. Add a line '[Quiz: {quiz.title}](quiz:{quiz_id})' "
                        "to a page, or remove the file."
                    )
            self._progress_check_required()  # -- progress
        return env

    def on_post_page(self, output, *, page, config, **kwargs):
        if self.config.enabled:
            output = self._progress_on_post_page(output, page)  # -- progress
        ids = self.quiz_pages.get(page.file.src_uri) if self.config.enabled else None
        if not ids:
            return output
        # Quizzes go in only now, after the search plugin has indexed the
        # page: question text is not search material, and parsing every
        # quiz's markup for the index was a third of the plugin's build time.
        languages = self.languages
        for quiz_id in dict.fromkeys(ids):
            quiz = self.collection.quizzes[quiz_id]
            # the file, the plugin's default pass mark (in the version) and the catalogs
            content_key = f"{self.collection.digests.get(quiz_id)}:{quiz.version}:{languages.catalog_digest}"
            rendered = self.renderer.render_cached(content_key, lambda quiz=quiz: languages.quiz_in_language(quiz))
            output = output.replace(MARKER.format(id=quiz_id), rendered)
        _, css = runtime_assets()
        link = f'<link rel="stylesheet" href="{get_relative_url(css.path, page.url)}">\n'
        return HEAD_END.sub(lambda m: link + m.group(0), output, count=1)

    def on_post_build(self, *, config, **kwargs):
        if self.config.enabled:
            add_sitemap_alternates(self.languages, config)

    def _page_path(self, page, config) -> str:
        path = Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_path)
        try:
            return path.resolve().relative_to(self.project_dir).as_posix()
        except ValueError:
            return page.file.src_uri

    # -- progress ----------------------------------------------------------------
    # Learner progress and certificates (the course logic is in progress/): the
    # generated "My progress" page, the course outline it shows, and marks on
    # the navigation links of pages that place quizzes.

    def on_page_context(self, context, *, page, config, nav, **kwargs):
        # Every page has been read by now, so every placement is known; the
        # outline is built once, before the first page is written.
        if self.config.enabled and self.progress_outline is None:
            self.progress_outline = self._progress_outline(nav, config)
            # page URL (site-relative) -> its quiz ids, for nav.js to mark links
            self.progress_nav = escape(json.dumps(
                {url: " ".join(ids) for url, ids in self.progress_outline.quizzes_by_page().items()},
                ensure_ascii=False, separators=(",", ":"),
            ))
        return context

    def _progress_on_config(self, config) -> None:
        self.progress_outline = None
        required = self.config.required
        if required is not None:
            if not required:
                raise PluginError(
                    "course: required is an empty list, so every learner would complete the course "
                    "without passing a quiz. List the ids of the quizzes a learner must pass, or leave "
                    "required out to require every quiz."
                )
            unknown = [q for q in dict.fromkeys(required) if q not in self.collection.quizzes]
            if unknown:
                names = ", ".join(f"'{q}'" for q in unknown)
                known = ", ".join(sorted(self.collection.quizzes)) or "none"
                raise PluginError(
                    f"course: required lists {names}, but no quiz has "
                    f"{'that id' if len(unknown) == 1 else 'those ids'}. Known quiz ids: {known}."
                )
        page = posixpath.normpath(self.config.progress_page.strip())
        if not page.endswith(".md") or page.startswith(("/", "../")) or page == "..":
            raise PluginError(
                f"course: progress_page is '{self.config.progress_page}'; it must be the path of a "
                "Markdown page inside the docs folder, ending in .md, for example progress.md."
            )
        self.progress_page = page
        nav = nav_script().path
        if nav not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(nav)

    def _progress_on_files(self, files: Files, config) -> None:
        shown = self._docs_path(config)
        if files.get_file_from_path(self.progress_page) is not None:
            raise PluginError(
                f"course: progress_page is '{self.progress_page}', but {shown}/{self.progress_page} "
                "already exists. The course writes that page itself: rename your page, or set "
                "progress_page to another path."
            )
        strings = self.renderer.strings if self.renderer else None
        files.append(File.generated(config, self.progress_page, content=page_markdown(strings)))
        for asset in (*progress_assets(), nav_script()):
            files.append(File.generated(config, asset.path, content=asset.content))
        self.progress_files = files
        self.progress_logo = ""
        logo = self.config.certificate.logo
        if logo:
            found = files.get_file_from_path(posixpath.normpath(logo))
            if found is None:
                raise PluginError(
                    f"course: certificate.logo is '{logo}', but {shown}/{logo} does not exist. Give "
                    f"the path of an image inside {shown}/, for example images/logo.svg."
                )
            self.progress_logo = found.url

    def _progress_check_required(self) -> None:
        # Every page has been read: a required quiz no page places would make
        # the course impossible to complete.
        try:
            check_required(self.config.required, self.placed)
        except OutlineError as exc:
            raise PluginError(f"course: {exc}") from None

    def _progress_outline(self, nav, config):
        pages, seen = [], set()
        # navigation order first, then pages that are not in the navigation
        ordered = list(nav.pages) + [f.page for f in self.progress_files.documentation_pages()]
        for page in ordered:
            if page is None or page.file.src_uri in seen:
                continue
            seen.add(page.file.src_uri)
            ids = self.quiz_pages.get(page.file.src_uri)
            if ids:
                pages.append(PlacedPage(page.file.src_uri, page.url, page.title or "", tuple(ids)))
        try:
            return build_outline(
                self.course_id, config.site_name, pages, self.collection.quizzes, self.config.required
            )
        except OutlineError as exc:
            raise PluginError(f"course: {exc}") from None

    def _progress_on_post_page(self, output: str, page) -> str:
        outline = self.progress_outline
        if outline is None:
            return output
        strings = self.renderer.strings
        if outline.modules:
            # nav.js finds the navigation links to quiz pages itself, from this
            # map and the site root; the page's HTML is not rewritten for it.
            root = get_relative_url(".", page.url) or "."
            meta = (
                f'<meta name="mkdocs-course" content="{escape(self.course_id)}" '
                f'data-course-nav-passed="{escape(strings["nav_passed"])}" '
                f'data-course-root="{escape(root)}" data-course-nav="{self.progress_nav}">\n'
            )
            output = HEAD_END.sub(lambda m: meta + m.group(0), output, count=1)
        if page.file.src_uri == self.progress_page and PROGRESS_MARKER in output:
            cert = self.config.certificate
            t = lambda text: self.languages.translations.get("config", text) if text else ""  # noqa: E731
            certificate = CertificateText(
                title=t(cert.title),
                wording=t(cert.wording),
                organisation=t(cert.organisation),
                logo=self.progress_logo,
                signatures=tuple(Signature(t(s.name), t(s.role)) for s in cert.signatures),
            )
            script, css = progress_assets()
            widget = ProgressPage(outline, certificate, strings).render(
                lambda url: get_relative_url(url, page.url), script.path, css.path
            )
            output = output.replace(PROGRESS_MARKER, widget, 1)
        return output

    def _docs_path(self, config) -> str:
        docs = Path(config.docs_dir).resolve()
        try:
            return docs.relative_to(self.project_dir).as_posix()
        except ValueError:
            return docs.as_posix()
