"""Read YAML into plain Python values that remember where they were written.

PyYAML's composer gives every node a start mark (line and column); the usual
constructors throw those away. Here mappings and sequences keep the position
of each key and value, so validation errors can point at the exact spot.
"""

from __future__ import annotations

import copy
import re

import yaml

from .errors import Position, QuizError
from .yamlerrors import explain_yaml_error

MAX_DEPTH = 64
# What aliases ('*name') may repeat in one file, in total. An alias is
# converted once, but the quiz it builds holds the repeated values every time:
# 2,000 options reused by 2,000 questions made a 1.2 GB page. Every list,
# mapping, key and text counts as one value, wherever it is repeated.
MAX_REPEATED_VALUES = 10_000
MAX_REPEATED_CHARACTERS = 1_000_000
ALIAS_ADVICE = (
    "Aliases are for reusing a few values; write the repeated part out where it "
    "is needed, or split the quiz into several files."
)


def _position(where) -> Position:
    """A Position from a PyYAML mark (0-based), or the Position itself."""
    return where if isinstance(where, Position) else Position(where.line + 1, where.column + 1)


# Positions are kept as PyYAML's start marks and made into a Position only
# when read: a valid quiz reads a few of them, and making all of them up
# front (65,600 for the bench's 1,000 questions) was a fifth of loading.
class _Positions(dict):
    """key -> Position, stored as marks."""

    __slots__ = ()

    def __getitem__(self, key) -> Position:
        return _position(dict.__getitem__(self, key))

    def get(self, key, default=None):
        mark = dict.get(self, key)
        return default if mark is None else _position(mark)


class _PositionList(list):
    """index -> Position, stored as marks."""

    __slots__ = ()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [_position(mark) for mark in list.__getitem__(self, index)]
        return _position(list.__getitem__(self, index))

    def __iter__(self):
        return (_position(mark) for mark in list.__iter__(self))


class Mapping(dict):
    """A dict that knows where it, its keys and its values stand in the file."""

    def __init__(self, position):
        super().__init__()
        self._where = position  # a Position, or a mark until it is read
        self.key_positions: dict = _Positions()
        self.value_positions: dict = _Positions()
        # the text as written, for scalar values: YAML reads `Yes` as true and
        # `1951` as a number, but a prompt or answer means the words written
        self.raw: dict = {}
        self.plain: set = set()  # keys whose value was written without quotes

    @property
    def position(self) -> Position:
        return _position(self._where)


class Sequence(list):
    """A list that knows where it and each of its items stand in the file."""

    def __init__(self, position):
        super().__init__()
        self._where = position
        self.item_positions: list[Position] = _PositionList()
        self.item_raw: list = []

    @property
    def position(self) -> Position:
        return _position(self._where)


UTF8_BOM = b"\xef\xbb\xbf"


def position_of_offset(data: bytes, offset: int) -> Position:
    """The line and column of byte ``offset``, counting columns in characters
    as editors do (the bytes before ``offset`` must be valid UTF-8)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Position(line, column)


def decode(data: bytes, source: str) -> str:
    """Decode a quiz file as UTF-8 (a byte-order mark is allowed).

    Raises QuizError naming the line and column of the first bad byte.
    """
    # The BOM is removed by hand rather than with "utf-8-sig": that codec
    # reports error offsets without the BOM, which named the wrong byte.
    body = data[len(UTF8_BOM):] if data.startswith(UTF8_BOM) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        pos = position_of_offset(body, exc.start)
        raise QuizError(
            source,
            pos,
            f"the file is not valid UTF-8 text (byte 0x{body[exc.start]:02x} "
            f"cannot start or continue a character)",
            "Save the file with UTF-8 encoding in your editor.",
        ) from None


class _AliasMarkingLoader(yaml.SafeLoader):
    """A SafeLoader whose aliases carry their own position.

    PyYAML hands back the anchored node itself for '*name', so a problem found
    through an alias would point at the '&name'. Here each alias becomes a
    shallow copy of that node (sharing its ``value``) marked where the alias
    is written.
    """

    def compose_node(self, parent, index):
        if not self.check_event(yaml.AliasEvent):
            return super().compose_node(parent, index)
        event = self.peek_event()
        alias = copy.copy(super().compose_node(parent, index))
        alias.start_mark = event.start_mark
        alias.course_alias = event.anchor  # counted by _Converter
        return alias


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str):
    """Compose with libyaml when it can give the same tree, else in Python.

    libyaml is several times faster. It is used only for files it reads
    without error and without aliases (libyaml hands back the anchored node
    itself, so an alias would not know its own position); anything else is
    composed again by the Python loader, whose errors and positions the
    messages are written for.
    """
    if _FAST_LOADER is not None:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except Exception:  # any problem: let the Python loader find and explain it
            node = False
        if node is not False and not _has_alias(node):
            return node
    return yaml.compose(text, Loader=_AliasMarkingLoader)


def _has_alias(root) -> bool:
    if root is None:
        return False
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return False


def parse(text: str, source: str):
    """Parse one YAML document into Mapping / Sequence / scalar values.

    Raises QuizError for any YAML syntax problem, an empty file, a file with
    several documents, a duplicate key, or aliases that refer to themselves.
    """
    return parse_document(text, source)[0]


def parse_document(text: str, source: str):
    """Like ``parse``, and also return where the document's value starts
    (a plain value such as a lone word knows no position of its own)."""
    try:
        node = _compose(text)
    except yaml.reader.ReaderError as exc:
        # not a MarkedYAMLError: it gives an index into the text instead
        before = text[: exc.position]
        pos = Position(before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        raise QuizError(
            source,
            pos,
            f"invalid YAML: the file contains the special character U+{exc.character:04X}, "
            "which YAML does not allow",
            "Delete it; such characters are invisible in most editors and often "
            "come with text pasted from another program.",
        ) from None
    except yaml.MarkedYAMLError as exc:
        pos, problem, advice = explain_yaml_error(exc)
        raise QuizError(source, pos, f"invalid YAML: {problem}", advice) from None
    except yaml.YAMLError as exc:
        raise QuizError(
            source, Position(1, 1), f"invalid YAML: {exc}", "Fix the YAML syntax."
        ) from None
    except RecursionError:
        raise QuizError(
            source,
            Position(1, 1),
            "invalid YAML: the document is nested too deeply",
            "A quiz needs only a few levels of nesting; check for runaway brackets.",
        ) from None
    if node is None:
        raise QuizError(
            source,
            Position(1, 1),
            "the file is empty",
            "Write a quiz with at least a 'title' and 'questions'.",
        )
    converter = _Converter(source)
    return converter.convert(node, 0), Position.of(node)


YAML_TAG_PREFIX = "tag:yaml.org,2002:"
MERGE_TAG = YAML_TAG_PREFIX + "merge"
COLLECTION_TAGS = (YAML_TAG_PREFIX + "seq", YAML_TAG_PREFIX + "map")
SURROGATE = re.compile("[\ud800-\udfff]")
YAML12_BOOLEANS = ("true", "True", "TRUE", "false", "False", "FALSE")


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG_PREFIX) :] if tag.startswith(YAML_TAG_PREFIX) else tag


def _scalar(node, constructor, source):
    try:
        value = constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        implicit = not node.style and node.tag == constructor.resolve(
            yaml.ScalarNode, node.value, (True, False)
        )
        if implicit:
            # A plain word that merely looks like a date, '=' or '<<' (YAML 1.1
            # types) is what the author wrote: keep it as text.
            return node.value
        tag = _shown_tag(node.tag)
        if node.tag in constructor.yaml_constructors:
            reason = getattr(exc, "problem", None) or str(exc)
            raise QuizError(
                source,
                Position.of(node),
                f"the value {node.value!r} cannot be read as '{tag}' ({reason})",
                f"Remove the '{tag}' tag, or correct the value.",
            ) from None
        raise QuizError(
            source,
            Position.of(node),
            f"the YAML tag '{tag}' is not supported in quiz files",
            "Remove the tag; a text that starts with '!' must be in quotes.",
        ) from None
    if isinstance(value, bool) and not node.style and node.value not in YAML12_BOOLEANS:
        # 'yes', 'no', 'on', 'off': YAML 1.1 reads them as true/false, which
        # authors do not expect (docs/authoring.md asks for true/false). They
        # stay the words written: text where text is wanted, and the same
        # message as "yes" in quotes where true or false is.
        return node.value
    if isinstance(value, str) and SURROGATE.search(value):
        # "\ud83d\ude00" escapes: PyYAML keeps the halves apart; join them
        try:
            value = value.encode("utf-16", "surrogatepass").decode("utf-16")
        except UnicodeDecodeError:
            bad = SURROGATE.search(value).group()
            raise QuizError(
                source,
                Position.of(node),
                f"the escape '\\u{ord(bad):04x}' is half of a character pair, and the other half is missing",
                "Write the character itself, or its full '\\U0001xxxx' escape.",
            ) from None
    return value



class _Converter:
    """Turns a composed node into Mapping / Sequence / scalar values.

    ``active`` holds the collections being converted (to catch an alias
    inside itself); ``done`` the ones already converted, so that an alias is
    converted once, however often it is used (no "billion laughs"), and
    ``sizes`` how many values and characters each holds once expanded, so
    that what the aliases repeat stays within MAX_REPEATED_*.
    """

    def __init__(self, source: str):
        self.source = source
        self.constructor = yaml.SafeLoader("")
        self.active: set = set()
        self.done: dict = {}
        self.sizes: dict = {}
        self.repeated = [0, 0]  # values, characters

    def convert(self, node, depth):
        value, size = self._convert(node, depth)
        alias = getattr(node, "course_alias", None)
        if alias is not None:
            self._repeat(alias, size, Position.of(node))
        return value

    def _repeat(self, alias: str, size, pos) -> None:
        self.repeated[0] += size[0]
        self.repeated[1] += size[1]
        for index, (limit, what) in enumerate(
            ((MAX_REPEATED_VALUES, "values"), (MAX_REPEATED_CHARACTERS, "characters of text"))
        ):
            if self.repeated[index] > limit:
                raise QuizError(
                    self.source,
                    pos,
                    f"the aliases in this file repeat more than {limit:,} {what} "
                    f"({size[index]:,} at this '*{alias}' alone), which would make a huge quiz page",
                    ALIAS_ADVICE,
                )

    def _convert(self, node, depth):
        """The value of ``node`` and its expanded size (values, characters)."""
        if depth > MAX_DEPTH:
            raise QuizError(
                self.source, Position.of(node), "the YAML is nested too deeply", "Flatten the structure."
            )
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node, self.constructor, self.source), (1, len(node.value))
        if node.tag not in COLLECTION_TAGS:
            # e.g. !!set, !!omap or !!python/...: nothing a quiz needs
            raise QuizError(
                self.source,
                Position.of(node),
                f"the YAML tag '{_shown_tag(node.tag)}' is not supported in quiz files",
                "Remove the tag; a text that starts with '!' must be in quotes.",
            )
        identity = id(node.value)  # the same for an anchored node and its aliases
        if identity in self.done:
            return self.done[identity], self.sizes[identity]
        if identity in self.active:
            raise QuizError(
                self.source,
                Position.of(node),
                "this YAML alias refers to a list or mapping that contains it",
                "Remove the '*alias', or point it at a value outside its own anchor.",
            )
        self.active.add(identity)
        total = [1, 0]

        def child(item):
            value, size = self._convert(item, depth + 1)
            total[0] += size[0]
            total[1] += size[1]
            alias = getattr(item, "course_alias", None)
            if alias is not None:
                self._repeat(alias, size, Position.of(item))
            return value

        mark = node.start_mark
        value = self._sequence(node, mark, child) if isinstance(node, yaml.SequenceNode) else (
            self._mapping(node, mark, child))
        self.active.discard(identity)
        self.done[identity] = value
        self.sizes[identity] = tuple(total)
        return value, self.sizes[identity]

    @staticmethod
    def _sequence(node, mark, child) -> Sequence:
        seq = Sequence(mark)
        marks = seq.item_positions
        for item in node.value:
            seq.append(child(item))
            list.append(marks, item.start_mark)
            seq.item_raw.append(item.value if isinstance(item, yaml.ScalarNode) else None)
        return seq

    def _mapping(self, node, mark, child) -> Mapping:
        mapping = Mapping(mark)
        key_marks, value_marks = mapping.key_positions, mapping.value_positions
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise QuizError(
                    self.source,
                    Position.of(key_node),
                    "a key must be a plain word, not a list or mapping",
                    "Write keys such as 'title:' or 'questions:'.",
                )
            if key_node.tag == MERGE_TAG:
                raise QuizError(
                    self.source,
                    Position.of(key_node),
                    "YAML merge keys ('<<: *name') are not supported in quiz files",
                    "Write the keys out in full.",
                )
            key = child(key_node)
            if not isinstance(key, str):
                key = str(key_node.value)
            if key in mapping:
                first = mapping.key_positions[key]
                raise QuizError(
                    self.source,
                    Position.of(key_node),
                    f"the key '{key}' is written twice (first on line {first.line})",
                    "Keep one of them.",
                )
            mapping[key] = child(value_node)
            dict.__setitem__(key_marks, key, key_node.start_mark)
            dict.__setitem__(value_marks, key, value_node.start_mark)
            if isinstance(value_node, yaml.ScalarNode):
                mapping.raw[key] = value_node.value
                if not value_node.style:  # None, or "" from libyaml
                    mapping.plain.add(key)
        return mapping
