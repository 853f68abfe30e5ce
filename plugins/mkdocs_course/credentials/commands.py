"""`mkdocs-course keys init / rotate` and `mkdocs-course certify`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import CourseError
from ..trainer.commands import verify_files
from ..trainer.records import shown
from ..trainer.verify import EXIT_CODES, worst
from .credential import parse_validity
from .did import did_web
from .errors import CredentialError
from .issue import CourseSite, certify_record
from .keys import (DEFAULT_ISSUER_FILE, Issuer, default_key_dir, key_file_name, method_of, new_key, now_utc,
                   private_key_path_check, read_issuer, read_private_key, write_issuer, write_private_key)

config_option = click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default=None,
                             help="The course's mkdocs.yml (default: ./mkdocs.yml).")
issuer_option = click.option("--issuer", "issuer_file", type=click.Path(dir_okay=False), default=None,
                             help=f"The public issuer file (default: credentials.issuer of mkdocs.yml, else {DEFAULT_ISSUER_FILE}).")
LABELS = {"tampered": "TAMPERED", "foreign": "another course", "unknown-version": "not checked: unknown version",
          "unreadable": "unreadable"}


def course_site(config_file) -> CourseSite:
    """The course as certify and keys see it. Raises click errors for a missing or broken mkdocs.yml."""
    path = Path(config_file or "mkdocs.yml")
    if not path.is_file():
        raise click.ClickException(f"there is no {path} here; run this in the course's folder, or give -f path/to/mkdocs.yml.")
    from mkdocs.config import load_config  # only to read the options, as verify does

    from ..course import CourseSettings

    try:
        config = load_config(str(path))
    except Exception as exc:  # MkDocs' own config errors carry a readable message
        raise click.ClickException(f"cannot read {path}: {exc}") from None
    plugin = config.plugins.get("course")
    if plugin is None:
        raise click.ClickException(f"{path} does not use the 'course' plugin.")
    options = plugin.config
    root = path.resolve().parent
    try:
        settings = CourseSettings.checked(options.course_id, config.site_name, options.pass_mark)
    except CourseError as exc:
        raise click.ClickException(str(exc)) from None
    languages = dict(options.languages or {})
    source = options.source_language or next(iter(languages), None) or config.theme.get("language") or "en"
    site_url = config.site_url or ""
    creds = options.credentials
    return CourseSite(
        root=root, course_id=settings.course_id, site_name=config.site_name, site_url=site_url,
        languages=languages, source=source, translations_dir=root / options.translations_dir,
        verify_page=creds.verify_page, directory_urls=config.use_directory_urls, validity=creds.validity,
        issuer_file=(root / creds.issuer) if creds.issuer else None, answer_keys_dir=root / options.answer_keys_dir,
    )


def _issuer_path(site: CourseSite, given) -> Path:
    return Path(given) if given else (site.issuer_file or site.root / DEFAULT_ISSUER_FILE)


def _fail(exc: CourseError):
    raise click.ClickException(str(exc)) from None


@click.group("keys")
def keys():
    """The issuer's signing keys for certificates (private, outside the course) and its public issuer file."""


@keys.command("init")
@click.option("--name", required=True, help="The issuer's name as certificates show it, e.g. your organisation.")
@click.option("--url", default=None, help="The issuer's home page (default: the course's site_url).")
@click.option("--email", default="", help="A contact address shown in the issuer's profile.")
@click.option("--image", default="", help="The address of the issuer's logo (https://...).")
@click.option("--key-dir", type=click.Path(file_okay=False), default=None,
              help="Where to keep the private key (default: ~/.config/mkdocs-course/keys/<course id>/).")
@issuer_option
@config_option
def keys_init(name, url, email, image, key_dir, issuer_file, config_file):
    """Make the issuer's Ed25519 key pair and its public issuer file."""
    site = course_site(config_file)
    path = _issuer_path(site, issuer_file)
    if path.exists():
        raise click.ClickException(f"{path} already exists: this course has an issuer. To change keys, run "
                                   "`mkdocs-course keys rotate`.")
    try:
        did = did_web(site.site_url)
        folder = Path(key_dir) if key_dir else default_key_dir(site.course_id)
        private_key_path_check(folder, site.root)
        for value, what in ((url, "--url"), (image, "--image")):
            if value and not value.startswith("https://"):
                raise CredentialError(f"{what} is {value!r}; give an https:// address.")
        private, key = new_key(did)
        issuer = Issuer(did, site.site_url, name.strip(), url or site.site_url, email.strip(), image, (key,))
        key_path = write_private_key(folder, private, key_file_name(site.course_id, key))
        write_issuer(path, issuer)
    except CourseError as exc:
        _fail(exc)
    click.echo(f"Wrote the private key {key_path} (readable by you only; keep it secret, keep a backup).")
    click.echo(f"Wrote the public issuer file {path} for {did}; commit it with the course.")
    if site.issuer_file is None:
        click.echo("Publish it with the site: add to mkdocs.yml under the course plugin:\n"
                   f"    credentials:\n      issuer: {path.resolve().relative_to(site.root).as_posix() if site.root in path.resolve().parents else path}")
    click.echo(f"Then sign verified records: mkdocs-course certify records/*.json --key {key_path}")


@keys.command("rotate")
@click.option("--key-dir", type=click.Path(file_okay=False), default=None,
              help="Where to keep the new private key (default: ~/.config/mkdocs-course/keys/<course id>/).")
@issuer_option
@config_option
def keys_rotate(key_dir, issuer_file, config_file):
    """Start signing with a new key; the old one stays published, so what it signed still verifies."""
    site = course_site(config_file)
    path = _issuer_path(site, issuer_file)
    try:
        issuer = read_issuer(path)
        folder = Path(key_dir) if key_dir else default_key_dir(site.course_id)
        private_key_path_check(folder, site.root)
        private, key = new_key(issuer.did)
        when = now_utc()
        kept = tuple(k if k.retired else type(k)(k.id, k.public_key_multibase, k.created, when) for k in issuer.keys)
        rotated = Issuer(issuer.did, issuer.site_url, issuer.name, issuer.url, issuer.email, issuer.image, kept + (key,))
        key_path = write_private_key(folder, private, key_file_name(site.course_id, key))
        write_issuer(path, rotated)
    except CourseError as exc:
        _fail(exc)
    click.echo(f"Wrote the new private key {key_path}; certify signs with it from now on.")
    click.echo(f"Updated {path}: {len(kept)} earlier key(s) retired on {when[:10]} but still published, so the "
               "certificates they signed still verify. Rebuild and publish the site, and commit the file.")


@click.command("certify")
@click.argument("records", nargs=-1, required=True, type=click.Path())
@click.option("--key", "key_file", required=True, type=click.Path(dir_okay=False),
              help="The issuer's private key file (from `keys init` or `keys rotate`).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="certificates", show_default=True,
              help="Where to write each credential (.credential.json) and printable certificate (.certificate.html).")
@click.option("--answer-keys", "answer_keys", type=click.Path(file_okay=False), default=None,
              help="The answer-key folder (default: answer_keys_dir of mkdocs.yml).")
@click.option("--credential-url", default=None, metavar="URL",
              help="Where you will publish the credential files (https://...); a QR code too small for the "
              "credential itself then opens the verify page with the file's address.")
@issuer_option
@config_option
def certify(records, key_file, out_dir, answer_keys, credential_url, issuer_file, config_file):
    """Verify learners' completion records and sign a certificate for each valid one.

    Exit code: 0 every record certified; otherwise the worst of verify's codes
    (3 unknown version, 4 another course, 5 unreadable, 6 tampered), else 7
    when a valid record could not be certified (no completed course or name).
    """
    from ..trainer.answerkeys import load_answer_keys

    site = course_site(config_file)
    try:
        issuer = read_issuer(_issuer_path(site, issuer_file))
        private = read_private_key(Path(key_file))
        method = method_of(private, issuer)
        if did_web(site.site_url) != issuer.did:
            raise CredentialError(f"the issuer file is for {issuer.did} ({issuer.site_url}), but mkdocs.yml's site_url "
                                  f"is {site.site_url}; certificates must name the site that publishes the key.")
        if credential_url and not credential_url.startswith("https://"):
            raise CredentialError(f"--credential-url is {credential_url!r}; give the https:// address the files will be at.")
        parse_validity(site.validity)
        answer_key_set = load_answer_keys(Path(answer_keys) if answer_keys else site.answer_keys_dir)
    except CourseError as exc:
        _fail(exc)
    verdicts = verify_files(records, answer_key_set)
    results, certified = [], 0
    for verdict in verdicts:
        if verdict.result != "valid":
            click.echo(f"{verdict.file}: not certified: {LABELS[verdict.result]}")
            for problem in verdict.problems:
                click.echo(f"  [{problem.check}] {problem.message}")
            results.append(verdict.result)
            continue
        if verdict.record["course"]["id"] != site.course_id:
            click.echo(f"{verdict.file}: not certified: it is from course '{shown(verdict.record['course']['id'])}', "
                       f"and this issuer signs '{site.course_id}'.")
            results.append("foreign")
            continue
        try:
            issued = certify_record(verdict.record, Path(verdict.file).stem, answer_key_set, site, issuer, private,
                                    method, Path(out_dir), credential_url)
        except CourseError as exc:
            click.echo(f"{verdict.file}: not certified: {exc}")
            results.append("uncertified")
            continue
        how = ("the QR code holds the credential" if issued.link.carries_credential
               else "the QR code gives the credential's address" if credential_url and issued.link.address.endswith(".json")
               else "the credential is too large for a QR code: the certificate says which file to give the verify page")
        click.echo(f"{verdict.file}: certified ({shown(verdict.learner)}): {issued.credential}, {issued.certificate} ({how})")
        certified += 1
    click.echo(f"{len(verdicts)} record{'s' if len(verdicts) != 1 else ''}: {certified} certified, {len(verdicts) - certified} not.")
    code = EXIT_CODES[worst(r for r in results if r in EXIT_CODES)]
    sys.exit(code or (7 if results else 0))
