"""Every prompt, and every echoed answer, whole on the screen at 40, 60 and 80 columns.

The prompts draw through prompt_toolkit's terminal output at a fixed size into a
terminal emulator (pyte), which shows what a person sees: a line cut at the edge
loses its letters there, and a word broken by a bad wrap no longer reads whole.
Each screen the prompt draws is kept, so the choices (shown while asking) and the
echo (left after the answer) are both read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

pyte = pytest.importorskip("pyte")

from prompt_toolkit.application import create_app_session  # noqa: E402
from prompt_toolkit.data_structures import Size  # noqa: E402
from prompt_toolkit.input import create_pipe_input  # noqa: E402
from prompt_toolkit.output.vt100 import Vt100_Output  # noqa: E402

from conftest import SHIPPED  # noqa: E402
from fwchoice.criteria.loader import CriteriaSource  # noqa: E402
from fwchoice.decide.questionnaire import (  # noqa: E402
    Progress,
    PromptSpec,
    ReviewItem,
    prompt_spec,
)
from fwchoice.lint.runner import load_criteria  # noqa: E402
from fwchoice.plain_prompts import PlainPrompter  # noqa: E402
from fwchoice.prompts import QuestionaryPrompter  # noqa: E402

DOC = load_criteria(CriteriaSource(SHIPPED, "criteria.yaml", "argument")).document
WIDTHS = (40, 60, 80)
ROWS = 40
ENTER, DOWN, SPACE = "\r", "\x1b[B", " "
FOLLOW_UP = Progress(7, 4, exact=False, because='you picked "Caching" in "Which of these?"')


class Screen:
    """A terminal of ``columns`` x ROWS: what is written is drawn, each flush kept."""

    def __init__(self, columns: int, rows: int = ROWS) -> None:
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.frames: list[str] = []
        self.encoding = "utf-8"

    def write(self, text: str) -> int:
        self.stream.feed(text)
        return len(text)

    def flush(self) -> None:
        self.frames.append(read(self.screen.display))

    def isatty(self) -> bool:
        return True


def read(rows: list[str], *, soft_wrap: bool = False) -> str:
    """The screen as text, every run of blanks one space, so a sentence broken between
    words reads as one line and a word broken or cut does not. With ``soft_wrap`` a
    full row runs on into the next (the terminal wrapped it: plain lines, as a screen
    reader gets them); the prompts never fill a row, so there a row is a line."""
    return " ".join(("" if soft_wrap else " ").join(rows).split())


def whole(text: str) -> str:
    return " ".join(text.split())


@contextmanager
def terminal(columns: int, keys: str, rows: int = ROWS) -> Iterator[Screen]:
    screen = Screen(columns, rows)
    output = Vt100_Output(
        screen,  # type: ignore[arg-type]
        lambda: Size(rows=rows, columns=columns),
        term="xterm",
        enable_cpr=False,
    )
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        with create_app_session(input=pipe, output=output):
            yield screen
    screen.flush()


def keys_to_pick(spec: PromptSpec, target: str) -> str:
    values = [c.value for c in spec.choices]
    start = values.index(spec.default) if spec.default in values else 0
    return DOWN * ((values.index(target) - start) % len(values)) + ENTER


def longest(spec: PromptSpec) -> str:
    return max(spec.choices[:-1], key=lambda c: len(c.title)).value


# A follow-up says why it is asked, in the same brackets as the help.
CASES = [
    (qid, columns, FOLLOW_UP if question.when else Progress(3, 8, exact=False))
    for qid, question in DOC.questions.items()
    for columns in WIDTHS
]


@pytest.mark.parametrize(("qid", "columns", "progress"), CASES)
def test_every_question_and_echo_is_whole(qid: str, columns: int, progress: Progress) -> None:
    spec = prompt_spec(DOC.questions[qid], None, progress)
    picked = longest(spec)
    keys = (
        DOWN * [c.value for c in spec.choices].index(picked) + SPACE + ENTER
        if spec.kind == "checkbox"
        else keys_to_pick(spec, picked)
    )
    with terminal(columns, keys) as screen:
        QuestionaryPrompter().ask(spec)
    asking = next(f for f in screen.frames if whole(spec.message) in f)
    for choice in spec.choices:
        assert whole(choice.title) in asking, (choice.title, asking)
    if spec.help:
        assert whole(spec.help.rstrip(".")) in asking
    if progress.because:
        assert whole(progress.because) in asking
    label = next(c.title for c in spec.choices if c.value == picked)
    echoed = f"{whole(spec.message)} {whole(label)}"
    assert echoed in screen.frames[-1], screen.frames[-1]
    assert "( " not in screen.frames[-1]  # no opening bracket stranded by a wrap


@pytest.mark.parametrize("columns", WIDTHS)
def test_review_and_early_finish_are_whole(columns: int) -> None:
    items = [
        ReviewItem(q.id, q.text, q.choices[next(iter(q.choices))].label, "asked", "")
        for q in DOC.questions.values()
    ]
    # Every question at once can be taller than a narrow screen (the list then
    # scrolls); this test is about each line being whole, so the screen holds it all.
    with terminal(columns, ENTER, rows=200) as screen:
        QuestionaryPrompter().review(items)
    shown = next(f for f in screen.frames if "Review your answers" in f)
    for item in items:
        assert f"{whole(item.text)} → {whole(item.answer)}" in shown
    with terminal(columns, ENTER) as screen:
        QuestionaryPrompter().offer_early_finish(3, "Django + DRF")
    said = "Django + DRF comes first whatever the answers to the 3 remaining questions."
    assert f"{said} Show the result now? Yes, show the result" in screen.frames[-1]


@pytest.mark.parametrize("columns", WIDTHS)
def test_accessible_prompts_are_whole(columns: int) -> None:
    for qid in DOC.questions:
        spec = prompt_spec(DOC.questions[qid], None, FOLLOW_UP)
        out = io.StringIO()
        PlainPrompter(output=out, input=io.StringIO("\n")).ask(spec)
        screen = pyte.Screen(columns, 200)
        pyte.Stream(screen).feed(out.getvalue().replace("\n", "\r\n"))
        shown = read(screen.display, soft_wrap=True)
        assert whole(spec.message) in shown
        assert whole(FOLLOW_UP.because) in shown
        for choice in spec.choices:
            assert whole(choice.title.split(" · ")[-1]) in shown


# --- the line breaking itself, for any text ------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from prompt_toolkit.utils import get_cwidth  # noqa: E402

from fwchoice.prompt_lines import wrap_fragments  # noqa: E402

_words = st.text(st.sampled_from("ab(),.·→é漢"), min_size=1, max_size=14)
_texts = st.lists(_words, max_size=12).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["", "class:answer"]), _texts), max_size=4),
    st.integers(min_value=4, max_value=50),
    st.integers(min_value=0, max_value=6),
)
def test_wrapped_lines_fit_and_keep_every_character(fragments, width, start) -> None:
    start = min(start, width - 1)
    wrapped = "".join(t for _, t in wrap_fragments(fragments, width, start=start, indent=2))
    original = "".join(t for _, t in fragments)
    lines = wrapped.split("\n")
    widths = [sum(get_cwidth(c) for c in line) for line in lines]
    assert widths[0] + start <= width or not lines[0].strip()
    assert all(w <= width for w in widths[1:])
    # Nothing lost, nothing added but line breaks where spaces were.
    assert wrapped.split() == original.split() or "".join(wrapped.split()) == "".join(
        original.split()
    )
    # A word that fits on a line is never broken.
    for word in original.split():
        if sum(get_cwidth(c) for c in word) <= width - 2:
            assert word in wrapped.split()
