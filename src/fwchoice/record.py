"""``NamedTuple`` for fwchoice's records, built without compiling code at import.

``typing.NamedTuple`` builds each class's ``__new__`` by ``eval`` of generated
source and checks every annotation; with some sixty record classes that was a
sixth of a command's start-up (measured with callgrind: about 650,000
instructions per class against 120,000 here). This base class makes the same
kind of class, a tuple subclass with one read-only property per field, from
the class body's annotations and defaults.

Type checkers see ``typing.NamedTuple`` (this module re-exports it under
``TYPE_CHECKING``), so the records keep their precise types. What a record offers is the
part of ``typing.NamedTuple`` fwchoice uses: positional and keyword
construction with defaults, attribute access, tuple equality, hashing and
unpacking, ``_fields``, ``_replace`` and a readable ``repr``. Tests hold that
to ``typing.NamedTuple``'s behaviour (``tests/test_record.py``).
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

_tuple_new = tuple.__new__


class _RecordType(type):
    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
        if namespace.get("_is_record_base"):
            return super().__new__(mcls, name, (tuple,), namespace)
        # Annotations are read for their names only; under `from __future__ import
        # annotations` they are strings, which is fine (and cheaper).
        fields = tuple(namespace.get("__annotations__", {}))
        defaults = {f: namespace.pop(f) for f in fields if f in namespace}
        required = [f for f in fields if f not in defaults]
        if any(fields.index(f) > fields.index(d) for f in required for d in defaults):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        count = len(fields)

        def __new__(cls: type, *args: Any, **kwargs: Any) -> Any:
            if not kwargs and len(args) == count:  # the usual call: every field, in order
                return _tuple_new(cls, args)
            if len(args) > count:
                raise TypeError(f"{name}() takes {count} arguments but {len(args)} were given")
            values = list(args)
            for field in fields[len(args) :]:
                if field in kwargs:
                    values.append(kwargs.pop(field))
                elif field in defaults:
                    values.append(defaults[field])
                else:
                    raise TypeError(f"{name}() missing required argument: {field!r}")
            if kwargs:
                taken = [f for f in kwargs if f in fields]
                problem = "multiple values for" if taken else "an unexpected keyword argument"
                raise TypeError(f"{name}() got {problem} {next(iter(kwargs))!r}")
            return _tuple_new(cls, values)

        body = dict(namespace)
        body.update(
            {
                "__new__": __new__,
                "__slots__": (),
                "_fields": fields,
                "_field_defaults": defaults,
            }
        )
        for i, field in enumerate(fields):
            body[field] = property(itemgetter(i), doc=f"Alias for field number {i}")
        return super().__new__(mcls, name, (NamedTuple,), body)


if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple  # noqa: PLC0414 - a re-export
else:

    class NamedTuple(metaclass=_RecordType):
        """Base class of fwchoice's records (see the module docstring)."""

        _is_record_base = True
        __slots__ = ()
        _fields = ()

        def _replace(self, **changes: Any) -> Any:
            values = [changes.pop(f, v) for f, v in zip(self._fields, self, strict=True)]
            if changes:
                raise ValueError(f"got unexpected field names: {list(changes)!r}")
            return type(self)(*values)

        def _asdict(self) -> dict[str, Any]:
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self) -> str:
            inner = ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self, strict=True))
            return f"{type(self).__name__}({inner})"

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)
