"""Which plural rule a language's catalog uses, decided once and then kept.

A translator's catalog states its rule in the ``Plural-Forms`` header, and
its plural entries have one form per rule branch. That rule belongs to the
catalog: rewriting it (as a newer release of the locale data would suggest,
for instance French "many" for 1,000,000) empties or strands forms the
translator wrote. So a catalog keeps its own rule; a new catalog takes the
rule of the interface catalog mkdocs-course ships for the language, else the
rule gettext users know for that language, else the locale data's.
"""

from __future__ import annotations

from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural

# The rules GNU gettext documents for these languages (one per family of
# rules), so that a new catalog does not depend on the release of the locale
# data installed.
_ONE = (2, "(n != 1)")
_NOT_ZERO_ONE = (2, "(n > 1)")
_NONE = (1, "0")
_EAST_SLAVIC = (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)")
GETTEXT_RULES: dict[str, tuple[int, str]] = {
    **{code: _ONE for code in (
        "en", "de", "nl", "sv", "da", "nb", "nn", "no", "fi", "et", "el", "hu", "it", "es", "pt",
        "ca", "eu", "gl", "bg", "he", "sw", "ur", "hi", "bn", "ta", "te", "ml", "mr", "af", "sq",
        "az", "ka", "kk", "mn", "ne", "so", "am", "ha", "yo", "zu", "xh",
    )},
    **{code: _NOT_ZERO_ONE for code in ("fr", "pt_BR", "oc", "tl", "fil", "ln", "wa")},
    **{code: _NONE for code in ("zh", "ja", "ko", "vi", "th", "id", "ms", "lo", "km", "my", "tr", "fa")},
    **{code: _EAST_SLAVIC for code in ("ru", "uk", "be", "sr", "hr", "bs")},
    "pl": (3, "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "cs": (3, "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2"),
    "sk": (3, "(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2"),
    "ro": (3, "(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2)"),
    "lt": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "lv": (3, "(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2)"),
    "sl": (4, "(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3)"),
    "ga": (5, "(n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4)"),
    "ar": (6, "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5)"),
}


def has_own_rule(catalog: Catalog | None) -> bool:
    """True when the catalog's header states its plural rule."""
    return catalog is not None and getattr(catalog, "_num_plurals", None) is not None


def default_rule(language: str, builtin: Catalog | None = None) -> tuple[int, str]:
    """The plural rule a new catalog for ``language`` (pt-BR or pt_BR) starts with."""
    if has_own_rule(builtin):
        return builtin.num_plurals, builtin.plural_expr
    code = language.replace("-", "_")
    for candidate in (code, code.split("_")[0]):
        if candidate in GETTEXT_RULES:
            return GETTEXT_RULES[candidate]
    rule = get_plural(code)
    return rule.num_plurals, rule.plural_expr


def rule_for(language: str, old: Catalog | None, builtin: Catalog | None = None) -> tuple[int, str]:
    """The rule of an existing catalog, else the default for the language."""
    if has_own_rule(old):
        return old.num_plurals, old.plural_expr
    return default_rule(language, builtin)


def set_rule(catalog: Catalog, rule: tuple[int, str]) -> None:
    """Give a catalog a plural rule, as its Plural-Forms header would."""
    # The same two fields Babel fills when it reads a Plural-Forms header.
    catalog._num_plurals, catalog._plural_expr = rule
