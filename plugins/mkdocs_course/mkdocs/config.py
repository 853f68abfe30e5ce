"""Options of the ``course`` plugin, as written under ``plugins:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


# -- progress
class SignatureConfig(Config):
    """One signature line on the certificate: a name, and a role under it."""

    name = c.Type(str)
    role = c.Type(str, default="")


class CertificateConfig(Config):
    """What the certificate says; left out, each takes the interface wording."""

    title = c.Optional(c.Type(str))  # "Certificate of completion"
    wording = c.Optional(c.Type(str))  # "has completed the course"
    organisation = c.Optional(c.Type(str))
    logo = c.Optional(c.Type(str))  # an image in docs_dir, e.g. images/logo.svg
    signatures = c.ListOfItems(c.SubConfig(SignatureConfig), default=[])


# -- the course on the learner's device (export/pwa.py, docs/offline.md)
class PwaConfig(Config):
    """The installable course: web app manifest, icons and service worker."""

    enabled = c.Type(bool, default=True)
    # The name under the app's icon (default: the course title, cut to fit).
    short_name = c.Optional(c.Type(str))
    # #rrggbb (default: Material's primary colour of the first palette).
    theme_color = c.Optional(c.Type(str))


# -- signed certificates (credentials/, docs/trainers.md)
class CredentialsConfig(Config):
    """Open Badges 3.0 credentials: what the build publishes for anyone to check them."""

    # The public issuer file `mkdocs-course keys init` wrote (e.g.
    # trainer/issuer.json): the build publishes its did:web document and
    # profile, and adds the verify page. Never a private key.
    issuer = c.Optional(c.Type(str))
    # The generated page that checks a credential; add it to `nav` if wanted.
    verify_page = c.Type(str, default="verify.md")
    # How long a certificate stays valid, as an ISO 8601 duration (P2Y,
    # P18M, P90D); left out, certificates do not expire.
    validity = c.Optional(c.Type(str))


class CourseConfig(Config):
    enabled = c.Type(bool, default=True)

    # The course
    # A stable id for the course: learners' saved progress is stored under it,
    # so change it only to start every learner afresh. Defaults to a slug of
    # site_name.
    course_id = c.Optional(c.Type(str))

    # Quizzes
    quizzes_dir = c.Type(str, default="quizzes")
    pass_mark = c.Type((int, float), default=70)
    # Self-assessments and action plans: one YAML file each (docs/activities.md).
    activities_dir = c.Type(str, default="activities")

    # Languages
    # The course's languages: code and the language's own name, in the order
    # the language switcher lists them, e.g. {en: English, fr: Français}.
    languages = c.DictOfItems(c.Type(str), default={})
    # The language pages and quizzes are written in (default: the first).
    source_language = c.Optional(c.Type(str))
    # The language of this build (default: the source language); set for each
    # build by `mkdocs-course build`, or by MKDOCS_COURSE_LANGUAGE.
    language = c.Optional(c.Type(str))
    # Pages live in <pages_dir>/<language>/; catalogs in <translations_dir>/.
    pages_dir = c.Type(str, default="course")
    translations_dir = c.Type(str, default="translations")

    # Build cache: loaded and rendered quizzes, keyed by content hashes, so
    # a rebuild only redoes quizzes whose file (or this tool) changed.
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/mkdocs-course")

    # Trainer tools
    # Where the build keeps the answer keys of every quiz version it has
    # shipped, for `mkdocs-course verify`: outside the site (a build refuses a
    # folder inside it or the pages). Commit it with the course source.
    answer_keys_dir = c.Type(str, default="trainer/answer-keys")

    # Progress and certificate
    # Quiz ids a learner must pass to complete the course and get the
    # certificate (default: every quiz placed on a page). A quiz passes at its
    # pass_mark (the plugin's pass_mark unless the quiz file sets its own).
    required = c.Optional(c.ListOfItems(c.Type(str)))
    # Page ids a learner must read (to the end, or "Mark as done") to complete
    # the course, besides pages whose front matter says `course: {required: true}`.
    required_pages = c.ListOfItems(c.Type(str), default=[])
    # Activity ids a learner must do to complete the course: a self-assessment
    # whose result was shown, an action plan with one row filled (docs/activities.md).
    required_activities = c.ListOfItems(c.Type(str), default=[])
    # The generated "My progress" page; add it to `nav`.
    progress_page = c.Type(str, default="progress.md")
    certificate = c.SubConfig(CertificateConfig)

    # The installable course that works offline (see docs/offline.md).
    pwa = c.SubConfig(PwaConfig)

    # Signed certificates that anyone can check (see docs/trainers.md).
    credentials = c.SubConfig(CredentialsConfig)
