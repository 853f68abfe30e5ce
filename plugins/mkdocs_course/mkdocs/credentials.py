"""The credentials feature's part of the build (``credentials/site.py``):
with ``credentials: issuer:`` set, the issuer's DID document and profile go
into the site, and a generated page checks signed certificates in the
browser. Only the public issuer file is read, never a private key.

A language build of a multilingual course also writes the DID document at
the course's root, where did:web resolves it (every language build writes
the same bytes, atomically).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..credentials.credential import parse_validity
from ..credentials.errors import CredentialError
from ..credentials.site import (MARKER, course_root_url, load_issuer, page_markdown, verify_page_path, verify_payload,
                                write_published)
from ..quiz.render import script_json
from ..runtime import verify_assets
from ..templating import template
from .course import CourseBuild


class CredentialsFeature:
    def on_config(self, build: CourseBuild, config) -> None:
        self.build = build
        options = build.options.credentials
        self.enabled = bool(options.issuer)
        if not self.enabled:
            return
        setup = build.languages
        self.page = verify_page_path(options.verify_page)
        parse_validity(options.validity)
        self.root_url = course_root_url(config.site_url or "", setup.language, build.options.languages)
        path = build.project_dir / options.issuer
        self.issuer = load_issuer(path, build.shown(path), self.root_url)

    def on_files(self, files: Files, config) -> None:
        if not self.enabled:
            return
        if files.get_file_from_path(self.page) is not None:
            raise CredentialError(
                f"credentials: verify_page is '{self.page}', but {self.build.shown(Path(config.docs_dir))}/{self.page} "
                "already exists. The course writes that page itself: rename your page, or set verify_page to another path."
            )
        files.append(File.generated(config, self.page, content=page_markdown(self.build.strings)))
        for asset in verify_assets():
            files.append(File.generated(config, asset.path, content=asset.content))

    def on_post_page(self, output: str, page) -> str:
        if not self.enabled or page.file.src_uri != self.page or MARKER not in output:
            return output
        script, css, jsonld, _ = verify_assets()
        strings = self.build.strings

        def link(path):
            return get_relative_url(path, page.url)

        widget = template("verify.html").render(
            t=strings, issuer=self.issuer.name, script=link(script.path), stylesheet=link(css.path),
            jsonld=link(jsonld.path), payload=script_json(verify_payload(self.issuer, strings, self.build.languages.language)),
        )
        return output.replace(MARKER, widget, 1)

    def on_post_build(self, config) -> None:
        if not self.enabled:
            return
        site = Path(config.site_dir)
        write_published(site, self.issuer)
        language = self.build.languages.language
        if self.build.options.languages and site.name == language and self.root_url != (config.site_url or ""):
            staged = site.parent / f".did-{language}-{os.getpid()}"
            for name in write_published(staged, self.issuer):
                target = site.parent / name
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged / name, target)
            for folder in sorted(staged.rglob("*"), reverse=True):
                folder.rmdir()
            staged.rmdir()
