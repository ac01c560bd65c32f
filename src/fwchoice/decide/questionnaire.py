"""The questionnaire's logic: what to ask next, what a prompt shows, the review loop.

Pure: questions become ``PromptSpec`` values (plain data), and a ``Prompter``
shows them. The only prompter that touches a terminal lives in
``fwchoice.prompts`` and imports questionary when it is first used; tests use a
scripted prompter, so this flow is tested without any terminal.
"""

from collections.abc import Callable
from typing import Any, Literal, Protocol

from fwchoice.criteria.answers import Answer, Answers, complete, display, raw_value
from fwchoice.criteria.model import Document, Question
from fwchoice.record import NamedTuple

UNSURE_VALUE = "\0unsure"
"""The value a prompt returns for 'not sure' (cannot collide with a choice id)."""

PromptKind = Literal["select", "checkbox"]
NOT_SURE_HELP = "Scored over every answer above"


class PromptChoice(NamedTuple):
    value: str
    title: str
    description: str = ""
    checked: bool = False


class PromptSpec(NamedTuple):
    """Everything a prompt shows, and nothing about how it is drawn."""

    question_id: str
    kind: PromptKind
    message: str
    choices: tuple[PromptChoice, ...]
    default: str | None
    help: str
    position: tuple[int, int]
    """(number of this question, questions that apply so far)."""


class ReviewItem(NamedTuple):
    question_id: str
    text: str
    answer: str
    how: str
    note: str = ""
    """E.g. that this answer alone decides the winner, and which change would flip it."""


class Prompter(Protocol):
    def ask(self, spec: PromptSpec) -> str | list[str]:
        """Show one question; return the chosen value(s). Raise KeyboardInterrupt to abort."""

    def review(self, items: list[ReviewItem]) -> str | None:
        """Show the answers; return a question id to change, or None to go on."""

    def offer_early_finish(self, skipped: int, leader: str) -> bool:
        """Offer to stop asking: no answer to the ``skipped`` remaining questions can
        put another option ahead of ``leader`` (a label). True to stop."""


def prompt_spec(
    question: Question, current: Answer | None, position: tuple[int, int]
) -> PromptSpec:
    """The prompt for ``question``, preselecting the current answer or else the default."""
    selected = current.choices if current is not None and not current.unsure else question.default
    unsure = current is not None and current.unsure
    kind = question.kind
    if kind.prompt == "checkbox":
        picked = set(selected or ())
        choices = (
            *(
                PromptChoice(c.id, kind.title(c), c.help, checked=c.id in picked)
                for c in question.choices.values()
            ),
            # Exclusive: the prompt refuses it together with other choices.
            PromptChoice(UNSURE_VALUE, "Not sure", NOT_SURE_HELP, checked=unsure),
        )
        return PromptSpec(
            question.id, "checkbox", question.text, choices, None, question.help, position
        )
    not_sure = PromptChoice(UNSURE_VALUE, "Not sure", NOT_SURE_HELP)
    choices = (
        *(PromptChoice(c.id, kind.title(c), c.help) for c in question.choices.values()),
        not_sure,
    )
    default = UNSURE_VALUE if unsure else None
    if default is None and selected:
        default = selected[0]
    return PromptSpec(
        question.id, "select", question.text, choices, default, question.help, position
    )


def answer_from_prompt(question: Question, value: str | list[str]) -> Answer:
    if value == UNSURE_VALUE or (isinstance(value, list) and UNSURE_VALUE in value):
        return Answer.not_sure("asked")
    if isinstance(value, list):
        chosen = set(value)
        return Answer(tuple(c for c in question.choices if c in chosen), "asked")
    return Answer((value,), "asked")


ReviewNotes = Callable[[Answers], dict[str, str]]
"""Notes to show beside answers at the review step, by question id."""


def review_items(
    document: Document, answers: Answers, notes: dict[str, str] | None = None
) -> list[ReviewItem]:
    notes = notes or {}
    return [
        ReviewItem(
            qid,
            document.questions[qid].text,
            display(document.questions[qid], a),
            a.how,
            notes.get(qid, ""),
        )
        for qid, a in answers.items()
    ]


EarlyFinish = Callable[[Answers, list[str]], "str | None"]
"""Given the answers so far and the questions still to ask: the option that comes
first whatever they are answered (so they can be skipped safely), or None."""


class QuestionnaireResult(NamedTuple):
    answers: Answers
    """The resolved answers: those to questions that apply, in file order."""
    given: Answers
    """Every answer given, also to questions that a later change made not apply."""
    asked: int
    skipped: list[str]
    """Questions left unasked because no answer to them could change the winner."""


def run_questionnaire(
    document: Document,
    given: Answers,
    prompter: Prompter,
    *,
    fill_defaults: bool,
    review: bool = True,
    can_finish_early: EarlyFinish | None = None,
    review_notes: ReviewNotes | None = None,
) -> QuestionnaireResult:
    """Ask what the given answers leave open, then let the user review and change any.

    Questions are asked in file order; a question whose condition depends on an
    answer is only considered once that answer exists, so conditions always see
    the answers actually given.
    """
    given = dict(given)
    asked = 0
    offered_early_finish = False
    skipped: list[str] = []
    while True:
        answers, missing = complete(document, given, fill_defaults=fill_defaults)
        if not missing:
            break
        leader = (
            can_finish_early(answers, missing)
            if can_finish_early is not None and not offered_early_finish and asked > 0
            else None
        )
        if leader is not None:
            offered_early_finish = True
            if prompter.offer_early_finish(len(missing), document.options[leader].label):
                skipped = list(missing)
                break
        question = document.questions[missing[0]]
        position = (len(answers) + 1, len(answers) + len(missing))
        value = prompter.ask(prompt_spec(question, None, position))
        given[question.id] = answer_from_prompt(question, value)
        asked += 1
    if review and asked:
        while True:
            answers, missing = complete(document, given, fill_defaults=fill_defaults)
            missing = [q for q in missing if q not in skipped]
            if missing:  # a changed answer made new questions apply
                question = document.questions[missing[0]]
                position = (len(answers) + 1, len(answers) + len(missing))
                value = prompter.ask(prompt_spec(question, None, position))
                given[question.id] = answer_from_prompt(question, value)
                continue
            notes = review_notes(answers) if review_notes else None
            change = prompter.review(review_items(document, answers, notes))
            if change is None:
                break
            question = document.questions[change]
            position = (list(answers).index(change) + 1, len(answers))
            value = prompter.ask(prompt_spec(question, answers.get(change), position))
            given[change] = answer_from_prompt(question, value)
    answers, _ = complete(document, given, fill_defaults=fill_defaults)
    return QuestionnaireResult(answers, given, asked, [q for q in skipped if q not in answers])


# --- the questionnaire as data (``fwchoice questions``) ------------------------------

QUESTIONS_FORMAT_VERSION = 1


def questions_data(document: Document, *, criteria_file: dict[str, str]) -> dict[str, Any]:
    """Every question as a script needs it: id, text, type, choices with their ids,
    default and the condition under which it is asked, in the order asked."""
    from fwchoice.comparison import condition_data

    questions = []
    for question in document.questions.values():
        default = question.default
        questions.append(
            {
                "id": question.id,
                "text": question.text,
                "help": question.help,
                "type": question.type,
                "choices": [
                    {"id": c.id, "label": c.label, "help": c.help}
                    for c in question.choices.values()
                ],
                "default": None
                if default is None
                else raw_value(question, Answer(default, "default")),
                "when": condition_data(document, question.when),
            }
        )
    return {
        "format": "fwchoice.questions",
        "format_version": QUESTIONS_FORMAT_VERSION,
        "criteria_file": {**criteria_file, "version": document.version},
        "questions": questions,
    }
