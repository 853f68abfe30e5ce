"""The activities' part of the build: load every self-assessment and action
plan, swap their placements for markers, and put them and their runtime into
the pages that place them. The rules are in ``activities/``."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..activities import ActivityCollection
from ..activities.placement import MARKER, ActivityPlacements, check_required_activities, check_required_placed
from ..activities.render import ActivityRenderer
from ..activities.text import translate, translated_share
from ..runtime import activity_assets
from .course import CourseBuild, add_to_head

log = get_plugin_logger(__name__)


class ActivityFeature:
    def __init__(self):
        self.collection: ActivityCollection | None = None  # kept between serve rebuilds

    def on_config(self, build: CourseBuild, config) -> None:
        """Load and validate every activity (after the quizzes: ids are shared),
        and check that ``required_activities`` names activities of the course."""
        folder = build.project_dir / build.options.activities_dir
        if self.collection is None or self.collection.folder != folder:
            self.collection = ActivityCollection(folder, build.project_dir)
        build.activities = self.collection.load(build.quizzes)
        self.placements = build.activity_placements = ActivityPlacements(build.activities, build.options.activities_dir)
        config_file = Path(config.config_file_path or build.project_dir / "mkdocs.yml")
        self.config = (build.shown(config_file), config_file.read_text(encoding="utf-8-sig") if config_file.is_file() else "")
        check_required_activities(build.options.required_activities, build.activities,
                                  build.options.activities_dir, self.config)
        self.build = build
        self.renderer = ActivityRenderer(build.course_id, build.languages.language, build.strings)
        translations = build.languages.translations
        required = set(build.options.required_activities)
        build.activity_summaries = [
            {"id": a.id, "kind": a.kind, "title": translate(translations, a).title, "version": a.version,
             "required": a.id in required}
            for a in build.activities.values()
        ]

    def on_files(self, files: Files, config) -> None:
        if self.build.activities:
            for asset in activity_assets():
                files.append(File.generated(config, asset.path, content=asset.content))

    def on_page_markdown(self, markdown: str, page, config) -> str:
        shown = self.build.shown(Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_path))
        return self.placements.add_page(page.file.src_uri, shown, markdown)

    def on_page_content(self, html: str, page) -> str:
        if not self.placements.by_page.get(page.file.src_uri):
            return html
        src = get_relative_url(activity_assets()[0].path, page.url)
        # Inside the content, so Material's instant navigation runs it on arrival.
        return html + f'\n<script src="{src}"></script>\n'

    def on_env(self) -> None:
        # every page has been read: a required activity no page places would make the course impossible
        check_required_placed(self.build.options.required_activities, self.placements, self.config)
        for warning in self.placements.unplaced_warnings():
            log.warning(warning)

    def on_post_page(self, output: str, page) -> str:
        """The rendered activities, after search indexing, and their stylesheet."""
        ids = self.placements.by_page.get(page.file.src_uri)
        if not ids:
            return output
        languages = self.build.languages
        for activity_id in dict.fromkeys(ids):
            activity = self.build.activities[activity_id]
            text_language = languages.language
            if not languages.is_source and translated_share(languages.translations, activity) < 0.5:
                text_language = languages.source
            rendered = self.renderer.render(translate(languages.translations, activity), text_language)
            output = output.replace(MARKER.format(id=activity_id), rendered)
        link = f'<link rel="stylesheet" href="{get_relative_url(activity_assets()[1].path, page.url)}">\n'
        return add_to_head(output, link)

    def on_serve(self, server) -> None:
        # a course without activities has no folder to watch (watching one that is missing fails)
        if self.collection is not None and self.collection.folder.is_dir():
            server.watch(str(self.collection.folder))
