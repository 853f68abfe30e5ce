"""Read YAML into plain Python values that remember where they were written.

PyYAML's composer gives every node a start mark (line and column); the usual
constructors throw those away. Here mappings and sequences keep the position
of each key and value, so validation errors can point at the exact spot.
"""

from __future__ import annotations

import yaml

from .errors import QuizError

MAX_DEPTH = 64


class Position(tuple):
    """A 1-based (line, column) pair."""

    __slots__ = ()

    def __new__(cls, line: int, column: int):
        return super().__new__(cls, (line, column))

    @property
    def line(self) -> int:
        return self[0]

    @property
    def column(self) -> int:
        return self[1]

    @classmethod
    def of(cls, node: yaml.Node) -> "Position":
        return cls(node.start_mark.line + 1, node.start_mark.column + 1)


class Mapping(dict):
    """A dict that knows where it, its keys and its values stand in the file."""

    position: Position

    def __init__(self, position: Position):
        super().__init__()
        self.position = position
        self.key_positions: dict = {}
        self.value_positions: dict = {}
        # the text as written, for scalar values: YAML reads `Yes` as true and
        # `1951` as a number, but a prompt or answer means the words written
        self.raw: dict = {}


class Sequence(list):
    """A list that knows where it and each of its items stand in the file."""

    def __init__(self, position: Position):
        super().__init__()
        self.position = position
        self.item_positions: list[Position] = []
        self.item_raw: list = []


def position_of_offset(data: bytes, offset: int) -> Position:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return Position(line, column)


def decode(data: bytes, source: str) -> str:
    """Decode a quiz file as UTF-8 (a byte-order mark is allowed).

    Raises QuizError naming the line and column of the first bad byte.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        pos = position_of_offset(data, exc.start)
        raise QuizError(
            source,
            pos,
            f"the file is not valid UTF-8 text (byte 0x{data[exc.start]:02x} "
            f"cannot start or continue a character)",
            "Save the file with UTF-8 encoding in your editor.",
        ) from None


def parse(text: str, source: str):
    """Parse one YAML document into Mapping / Sequence / scalar values.

    Raises QuizError for any YAML syntax problem, an empty file, a file with
    several documents, a duplicate key, or aliases that refer to themselves.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        problem = exc.problem or exc.context or "unreadable YAML"
        raise QuizError(
            source,
            pos,
            f"invalid YAML: {problem}",
            "Check the indentation and quoting near this spot; a text that "
            "contains ': ' or starts with a special character needs quotes.",
        ) from None
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
    constructor = yaml.SafeLoader("")
    return _convert(node, constructor, source, 0, set())


def _convert(node, constructor, source, depth, active):
    pos = Position.of(node)
    if depth > MAX_DEPTH:
        raise QuizError(
            source, pos, "the YAML is nested too deeply", "Flatten the structure."
        )
    if isinstance(node, yaml.ScalarNode):
        try:
            return constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise QuizError(
                source,
                pos,
                f"cannot read the value {node.value!r} ({exc})",
                "Quote the value to make it plain text.",
            ) from None
    if id(node) in active:
        raise QuizError(
            source,
            pos,
            "a YAML alias refers to itself",
            "Remove the recursive '*alias'.",
        )
    active = active | {id(node)}
    if isinstance(node, yaml.SequenceNode):
        seq = Sequence(pos)
        for item in node.value:
            seq.append(_convert(item, constructor, source, depth + 1, active))
            seq.item_positions.append(Position.of(item))
            seq.item_raw.append(item.value if isinstance(item, yaml.ScalarNode) else None)
        return seq
    mapping = Mapping(pos)
    for key_node, value_node in node.value:
        key_pos = Position.of(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            raise QuizError(
                source,
                key_pos,
                "a key must be a plain word, not a list or mapping",
                "Write keys such as 'title:' or 'questions:'.",
            )
        key = _convert(key_node, constructor, source, depth + 1, active)
        if not isinstance(key, str):
            key = str(key_node.value)
        if key in mapping:
            first = mapping.key_positions[key]
            raise QuizError(
                source,
                key_pos,
                f"the key '{key}' is written twice (first on line {first.line})",
                "Keep one of them.",
            )
        mapping[key] = _convert(value_node, constructor, source, depth + 1, active)
        mapping.key_positions[key] = key_pos
        mapping.value_positions[key] = Position.of(value_node)
        if isinstance(value_node, yaml.ScalarNode):
            mapping.raw[key] = value_node.value
    return mapping
