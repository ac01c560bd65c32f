"""The questionnaire's logic: what to ask next, what a prompt shows, the review loop.

Pure: questions become ``PromptSpec`` values (plain data), and a ``Prompter``
shows them. The only prompter that touches a terminal lives in
``fwchoice.prompts`` and imports questionary when it is first used; tests use a
scripted prompter, so this flow is tested without any terminal.
"""

from collections.abc import Callable
from typing import Any, Literal, Protocol

from fwchoice.criteria.answers import Answer, Answers, complete, default_for, display, raw_value
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


class Progress(NamedTuple):
    """Where a question stands in the questionnaire, as the prompt says it.

    The number only moves forward; the count of questions left never grows while
    answering, because follow-ups that an answer may still call for are counted
    from the start (``exact`` is False while some may or may not come)."""

    number: int
    """This question's number among those asked in this run."""
    left: int
    """Questions that may still follow this one."""
    exact: bool = True
    """False while some of ``left`` are follow-ups that may not apply."""
    because: str = ""
    """Why a follow-up is asked: the earlier answers that call for it."""
    changing: bool = False
    """An answer changed at the review step (not a new question)."""


def progress_text(progress: Progress) -> str:
    """'3, about 8 left', '9, the last', or 'changing an answer'."""
    if progress.changing:
        return "changing an answer"
    if progress.left == 0 and progress.exact:
        return f"{progress.number}, the last"
    about = "" if progress.exact else "about "
    return f"{progress.number}, {about}{progress.left} left"


class PromptSpec(NamedTuple):
    """Everything a prompt shows, and nothing about how it is drawn."""

    question_id: str
    kind: PromptKind
    message: str
    choices: tuple[PromptChoice, ...]
    default: str | None
    help: str
    progress: Progress


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
    question: Question, current: Answer | None, progress: Progress, earlier: Answers | None = None
) -> PromptSpec:
    """The prompt for ``question``, preselecting the current answer or else the default
    (which may depend on the ``earlier`` answers)."""
    selected = (
        current.choices
        if current is not None and not current.unsure
        else default_for(question, earlier or {})
    )
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
            question.id, "checkbox", question.text, choices, None, question.help, progress
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
        question.id, "select", question.text, choices, default, question.help, progress
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


def progress_of(
    document: Document, answers: Answers, missing: list[str], asked: int, skipped: list[str]
) -> Progress:
    """The progress of the next question, ``missing[0]``, after ``asked`` questions.

    Questions left: the others that apply now, and the follow-ups whose condition
    waits on a question not yet answered (they may or may not come, hence
    "about"). Each answer settles some of them, so the count only goes down.
    """
    state: dict[str, str] = {}
    maybe = 0
    for qid, question in document.questions.items():
        if qid in answers:
            state[qid] = "answered"
        elif qid in missing:
            state[qid] = "open"
        elif qid in skipped or not question.when:
            state[qid] = "never"
        else:
            waits, fails = False, False
            for other, allowed in question.when.items():
                earlier = state.get(other)
                if earlier in ("open", "maybe"):
                    waits = True
                elif earlier != "answered" or not (
                    answers[other].unsure or allowed & set(answers[other].choices)
                ):
                    fails = True
            state[qid] = "maybe" if waits and not fails else "never"
            maybe += state[qid] == "maybe"
    return Progress(
        asked + 1,
        len(missing) - 1 + maybe,
        exact=maybe == 0,
        because=because(document, document.questions[missing[0]], answers),
    )


def because(document: Document, question: Question, answers: Answers) -> str:
    """Why a follow-up is asked: 'you picked "X" for "Which of these..."'; empty for
    a question asked whatever the answers."""
    said = []
    for other, allowed in question.when.items():
        answer = answers.get(other)
        earlier = document.questions[other]
        if answer is None:
            continue
        if answer.unsure:
            said.append(f"you are not sure about {_quoted(earlier.text)}")
            continue
        labels = [earlier.choices[c].label for c in answer.choices if c in allowed]
        picked = " and ".join(_quoted(label) for label in labels)
        if earlier.multiple:
            said.append(f"you picked {picked} in {_quoted(earlier.text)}")
        else:
            said.append(f"you answered {picked} to {_quoted(earlier.text)}")
    return " and ".join(said)


def _quoted(text: str) -> str:
    return f'"{text}"'


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
    the answers actually given, and a default that depends on earlier answers
    sees them too.
    """
    given = dict(given)
    asked = 0
    offered_early_finish = False
    skipped: list[str] = []

    def ask_next(answers: Answers, missing: list[str]) -> None:
        nonlocal asked
        question = document.questions[missing[0]]
        progress = progress_of(document, answers, missing, asked, skipped)
        value = prompter.ask(prompt_spec(question, None, progress, answers))
        given[question.id] = answer_from_prompt(question, value)
        asked += 1

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
        ask_next(answers, missing)
    if review and asked:
        while True:
            answers, missing = complete(document, given, fill_defaults=fill_defaults)
            missing = [q for q in missing if q not in skipped]
            if missing:  # a changed answer made new questions apply
                ask_next(answers, missing)
                continue
            notes = review_notes(answers) if review_notes else None
            change = prompter.review(review_items(document, answers, notes))
            if change is None:
                break
            question = document.questions[change]
            progress = Progress(list(answers).index(change) + 1, 0, changing=True)
            value = prompter.ask(prompt_spec(question, answers.get(change), progress, answers))
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
                "default_when": [
                    {
                        "when": condition_data(document, rule.when),
                        "default": raw_value(question, Answer(rule.default, "default")),
                    }
                    for rule in question.default_when
                ],
                "when": condition_data(document, question.when),
            }
        )
    return {
        "format": "fwchoice.questions",
        "format_version": QUESTIONS_FORMAT_VERSION,
        "criteria_file": {**criteria_file, "version": document.version},
        "questions": questions,
    }
