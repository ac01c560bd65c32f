"""fwchoice's records behave as typing.NamedTuple does, for everything fwchoice uses."""

from __future__ import annotations

import copy
import pickle
import typing

import pytest

from fwchoice.record import NamedTuple


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    label: str = ""

    @property
    def total(self) -> int:
        return self.x + self.y


class Reference(typing.NamedTuple):
    x: int
    y: int = 0
    label: str = ""


CALLS = [
    ((1,), {}),
    ((1, 2), {}),
    ((1, 2, "a"), {}),
    ((), {"x": 1}),
    ((1,), {"label": "b"}),
    ((), {"y": 5, "x": 2}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_construction_matches_typing(args, kwargs) -> None:
    mine, theirs = Point(*args, **kwargs), Reference(*args, **kwargs)
    assert tuple(mine) == tuple(theirs)
    assert (mine.x, mine.y, mine.label) == (theirs.x, theirs.y, theirs.label)
    assert repr(mine) == repr(theirs).replace("Reference", "Point")


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), ((1, 2, "a", 4), {}), ((1,), {"x": 2}), ((1,), {"z": 1})],
)
def test_bad_calls_fail_as_typing_does(args, kwargs) -> None:
    with pytest.raises(TypeError):
        Reference(*args, **kwargs)
    with pytest.raises(TypeError):
        Point(*args, **kwargs)


def test_record_is_a_tuple_with_fields_methods_and_replace() -> None:
    point = Point(1, 2)
    assert isinstance(point, tuple)
    assert point == (1, 2, "")
    assert hash(point) == hash((1, 2, ""))
    x, y, label = point
    assert (x, y, label) == (1, 2, "")
    assert point.total == 3
    assert Point._fields == ("x", "y", "label")
    assert point._replace(y=7) == Point(1, 7)
    assert point._asdict() == {"x": 1, "y": 2, "label": ""}
    assert Point.__doc__ == "A point."
    with pytest.raises(AttributeError):
        point.x = 3  # type: ignore[misc]
    with pytest.raises(ValueError, match="unexpected field"):
        point._replace(z=1)
    assert copy.deepcopy(point) == point
    assert pickle.loads(pickle.dumps(point)) == point


def test_a_required_field_after_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="follows one with a default"):

        class Broken(NamedTuple):
            a: int = 0
            b: int  # type: ignore[misc]
