"""The ``course`` MkDocs plugin: the build's table of contents.

Each feature keeps its own part of the build in its own module (languages,
quizzes, activities, progress, journey, theme, brand, delivery, trainer, credentials,
facilitator); every handler here calls those parts in a fixed order and holds
no feature's rules or state. Course rules raise the core's CourseError, which
becomes a PluginError: MkDocs prints it without a traceback.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..course import CourseSettings
from ..errors import CourseError
from ..quiz.cache import DiskCache
from .config import CourseConfig
from .course import CourseBuild
from .activities import ActivityFeature
from .brand import BrandFeature
from .credentials import CredentialsFeature
from .delivery import DeliveryFeature
from .facilitator import FacilitatorFeature
from .journey import JourneyFeature
from .languages import LanguageFeature, setup_language
from .progress import ProgressFeature
from .pwa import PwaFeature
from .quizzes import QuizFeature
from .search import SearchFeature
from .theme import ThemeFeature
from .trainer import TrainerFeature


@contextmanager
def reported():
    """A course rule that fails reaches the author as MkDocs' own error."""
    try:
        yield
    except CourseError as exc:
        raise PluginError(f"course: {exc}") from None


class CoursePlugin(BasePlugin[CourseConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.languages = LanguageFeature()
        self.quizzes = QuizFeature()  # keeps loaded quizzes between serve rebuilds
        self.activities = ActivityFeature()  # keeps loaded activities between serve rebuilds
        self.progress = ProgressFeature()
        self.journey = JourneyFeature()
        self.theme = ThemeFeature()
        self.search = SearchFeature()
        self.brand = BrandFeature()
        self.delivery = DeliveryFeature()
        self.pwa = PwaFeature()
        self.trainer = TrainerFeature()
        self.credentials = CredentialsFeature()
        self.facilitator = FacilitatorFeature()

    # Before the search plugin's on_config, which takes its language from the
    # theme language that the language feature sets for this build.
    @event_priority(100)
    def on_config(self, config, **kwargs):
        if not self.config.enabled:
            return config
        with reported():
            project_dir = Path(config.config_file_path or ".").resolve().parent
            options = self.config
            self.build = CourseBuild(
                options=options,
                project_dir=project_dir,
                settings=CourseSettings.checked(options.course_id, config.site_name, options.pass_mark),
                languages=setup_language(options, config, project_dir),
                disk_cache=DiskCache(project_dir / options.cache_dir) if options.cache else None,
            )
            self.languages.on_config(self.build, config)  # docs_dir, theme language, switcher
            self.quizzes.on_config(self.build)  # every quiz loaded and validated
            self.activities.on_config(self.build, config)  # every activity, ids unlike the quizzes'
            self.progress.on_config(self.build, config)  # required quizzes, progress page
            self.journey.on_config(self.build)
            self.theme.on_config(self.build, config)  # site.css on every page
            self.brand.on_config(self.build, config)  # the palette's colours
            self.delivery.on_config(self.build)
            self.pwa.on_config(self.build, config)  # the offline script on every page
            self.trainer.on_config(self.build, config)  # answer keys outside the site
            self.credentials.on_config(self.build, config)  # the public issuer file, never a private key
            self.facilitator.on_config(self.build)
        return config

    def on_serve(self, server, *, config, builder, **kwargs):
        if self.config.enabled:
            self.quizzes.on_serve(server)
            self.activities.on_serve(server)
            self.languages.on_serve(server)
        return server

    def on_files(self, files, *, config, **kwargs):
        if not self.config.enabled:
            return files
        with reported():
            self.quizzes.on_files(files, config)  # the quiz runtime
            self.activities.on_files(files, config)  # the activities' runtime
            self.theme.on_files(files, config)
            self.languages.on_files(files, config)  # pages not translated yet
            self.brand.on_files(files, config)  # the logo, the organisation in this language
            self.progress.on_files(files, config)  # the generated progress page
            self.credentials.on_files(files, config)  # the generated verify page
            self.pwa.on_files(files, config)
        return files

    def on_nav(self, nav, *, config, files, **kwargs):
        if self.config.enabled:
            self.languages.on_nav(nav)  # navigation titles in this language
            self.delivery.on_nav(nav)
        return nav

    # Before other plugins' on_page_markdown: facilitator notes leave the page
    # before anything else reads its Markdown.
    @event_priority(100)
    def on_page_markdown(self, markdown, *, page, config, files, **kwargs):
        if not self.config.enabled:
            return markdown
        with reported():
            markdown = self.facilitator.on_page_markdown(markdown, page, config)  # notes out of the page
            markdown = self.journey.on_page_markdown(markdown, page, config)  # front matter, course blocks
            markdown = self.quizzes.on_page_markdown(markdown, page, config)  # placements -> markers
            return self.activities.on_page_markdown(markdown, page, config)  # activity placements too

    def on_page_content(self, html, *, page, config, files, **kwargs):
        if not self.config.enabled:
            return html
        self.journey.on_page_content(html, page, self.languages.text_language(page))  # time to study it
        html = self.languages.on_page_content(html, page)  # the notice on an untranslated page
        html = self.theme.on_page_content(html, page, files)  # images' width and height
        html = self.quizzes.on_page_content(html, page)  # the runtime script
        return self.activities.on_page_content(html, page)  # the activities' script

    def on_page_context(self, context, *, page, config, nav, **kwargs):
        if self.config.enabled:
            self.languages.on_page_context(context)  # preferences shared by every language
            with reported():
                self.progress.on_page_context(nav, config)  # the outline, once every page is read
                self.journey.on_page_context(nav, self.progress.outline, self.progress.page_url)  # the modules
        return context

    def on_template_context(self, context, *, template_name, config, **kwargs):
        if self.config.enabled:
            self.languages.on_page_context(context)  # the 404 page too
        return context

    def on_env(self, env, *, config, files, **kwargs):
        if self.config.enabled:
            with reported():
                self.quizzes.on_env()  # quizzes no page places
                self.activities.on_env()  # activities no page places
                self.progress.on_env()  # required quizzes no page places
                self.journey.on_env()  # page ids unique, required_pages known
            self.theme.on_env(env, config)  # Material's word for the search dialog's name
        return env

    def on_post_page(self, output, *, page, config, **kwargs):
        if not self.config.enabled:
            return output
        # After the search plugin has indexed the page: quiz and progress
        # widgets are not search material.
        output = self.theme.on_post_page(output)  # the search dialog's name
        output = self.search.on_post_page(output)  # search's worker and index, when first opened
        output = self.brand.on_post_page(output)  # the course and its organisation in the footer
        output = self.progress.on_post_page(output, page)  # navigation marks, the progress widget
        output = self.credentials.on_post_page(output, page)  # the verify widget
        # the progress line, module header, end of a page to read, overview
        output = self.journey.on_post_page(output, page, progress_page=page.file.src_uri == self.progress.page)
        output = self.pwa.on_post_page(output, page, self.progress.page)  # manifest, worker, "On this device"
        output = self.quizzes.on_post_page(output, page)  # the rendered quizzes
        return self.activities.on_post_page(output, page)  # the rendered activities

    def on_post_template(self, output, *, template_name, config, **kwargs):
        if self.config.enabled:
            output = self.theme.on_post_page(output)  # the 404 page's search dialog too
            output = self.search.on_post_page(output)
        return output

    # After every other plugin's on_post_build (the search plugin writes its
    # index then): the service worker's precache list covers every file.
    @event_priority(-100)
    def on_post_build(self, *, config, **kwargs):
        if self.config.enabled:
            self.languages.on_post_build(config)  # hreflang alternates in the sitemap
            # the build manifest that exports read (export/manifest.py)
            self.delivery.on_post_build(config, self.progress.outline, self.progress.page_url,
                                        self.journey.journey, self.brand.brand)
            with reported():
                self.credentials.on_post_build(config)  # did.json and the issuer's profile, before the worker's list
            self.pwa.on_post_build(config, self.brand.brand)  # manifest, icons (the logo too), then the worker and its list
            with reported():
                # the answer keys verify reads, outside the site (trainer/answerkeys.py)
                self.trainer.on_post_build(self.progress.outline)
                self.facilitator.on_post_build()  # the notes, beside the answer keys
