"""The criteria file format, version 1: the single source of truth.

Lint validates against these specs, ``fwchoice schema`` prints them as JSON
Schema, and the README's format reference describes the same keys. The
descriptions here are what an editor shows on hover.
"""

from __future__ import annotations

from typing import Any

from fwchoice.criteria.model import FORMAT_VERSION, RATING_MAX, RATING_MIN
from fwchoice.criteria.question_types import KINDS, multiple
from fwchoice.criteria.schema import (
    END,
    NOT_BLANK,
    AnyOf,
    Boolean,
    Choice,
    Date,
    Field,
    Id,
    IdMap,
    ListOf,
    Named,
    Nullable,
    Number,
    Record,
    Spec,
    Text,
    Version,
    to_json_schema,
)

# Limits on what one file may hold. They keep every analysis (score ranges over
# unsure answers, the answer changes that flip a verdict, robustness) within
# seconds; real decision files stay far below them. The README lists them.
MAX_OPTIONS = 20
MAX_CRITERIA = 20_000
MAX_ROWS = 1_000
"""Features, benchmarks, presets and scenarios, each."""
MAX_HYBRIDS = 50
MAX_QUESTIONS = 40
MAX_CHOICES = 20
MAX_MULTIPLE_CHOICES = multiple.MAX_CHOICES
MAX_CONDITIONS = 10
"""Earlier questions one `when` may name."""
MAX_DEFAULT_RULES = 10
"""Answer-dependent defaults (`default_when`) of one question."""
MAX_LIST = 50
MAX_MEMBERS = MAX_LIST
"""People in a team record."""
NAME_LENGTH = 200
"""A person's name in a record, as shown (escapes included)."""
"""Notes, sources, strengths, steps, needs... in one list."""

SCHEMA_ID = "https://github.com/fwchoice/fwchoice/raw/main/schema/criteria.schema.json"
QUESTION_TYPES = tuple(KINDS)
NOTE_STATUSES = ("dated", "disputed", "unsourced", "nuance")

_url = Text(
    description="A web address (http or https).",
    max_length=500,
    pattern=f"^https?://{NOT_BLANK}+{END}",
    pattern_hint="give a full http(s):// address",
)

_source = Named(
    "source",
    Record(
        description=(
            "Where a claim can be checked, with the source's own date or version, so a "
            "reader can tell how current the claim is."
        ),
        fields={
            "title": Field(Text(description="What the source is, in a few words."), True),
            "url": Field(_url, True),
            "date": Field(
                Text(
                    max_length=10,
                    pattern=f"^[0-9]{{4}}(-[0-9]{{2}}(-[0-9]{{2}})?)?{END}",
                    pattern_hint="a source's date is written YYYY-MM-DD, YYYY-MM or YYYY",
                    description=(
                        "The source's own date (YYYY-MM-DD, YYYY-MM or YYYY): when it was "
                        "published, released or last changed; not the day it was read."
                    ),
                )
            ),
            "version": Field(
                Text(
                    max_length=60,
                    description=(
                        "The version of the software or document the source describes, "
                        "e.g. 0.141.1 or 6.0."
                    ),
                )
            ),
        },
    ),
)

_rating = Named(
    "rating",
    Number(
        description=f"Stars from {RATING_MIN} to {RATING_MAX}, as in a decision matrix.",
        minimum=RATING_MIN,
        maximum=RATING_MAX,
        integer=True,
        range_hint=f"ratings are whole stars from {RATING_MIN} to {RATING_MAX}",
    ),
)

_ratings = IdMap(
    _rating,
    what="option",
    description="Each option's rating, keyed by option id.",
)

_scalar_answer = AnyOf(
    [Text(max_length=64), Number(integer=True, minimum=-1_000_000, maximum=1_000_000), Boolean()]
)
_answer = Named(
    "answer",
    AnyOf(
        [_scalar_answer, ListOf(Text(max_length=64), max_items=100)],
        description=(
            "A choice id; a list of choice ids for a multiple-choice question; a number "
            "for a scale; yes or no; or 'unsure'."
        ),
    ),
)
_answers = IdMap(_answer, what="question", description="Answers keyed by question id.")

_condition = Named(
    "condition",
    IdMap(
        AnyOf(
            [
                _scalar_answer,
                ListOf(_scalar_answer, min_items=1, max_items=MAX_CHOICES),
            ]
        ),
        what="question",
        max_items=MAX_CONDITIONS,
        description=(
            "Holds when every listed earlier question's answer is (one of) the given choice(s)."
        ),
    ),
)

_evidence_ratings = IdMap(
    _rating,
    what="option",
    description=(
        "On a criterion's note: the ratings the evidence supports where they differ from "
        "the source's. `advise --ratings evidence` scores with them; every report says "
        "whether the verdict holds under them."
    ),
)

_note = Named(
    "note",
    Record(
        description=(
            "A caveat about a claim: dated, disputed, unsourced or a nuance. The source's "
            "rating stays the default; evidence ratings sit beside it."
        ),
        fields={
            "status": Field(Choice(NOTE_STATUSES, "How the claim holds up today."), True),
            "text": Field(
                Text(description="What a reader should know, in a sentence or two."), True
            ),
            "sources": Field(
                ListOf(_source, max_items=MAX_LIST, description="Evidence for the note.")
            ),
            "evidence_ratings": Field(_evidence_ratings),
            "checked": Field(
                Text(
                    max_length=10,
                    pattern=f"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{END}",
                    pattern_hint="a date is written YYYY-MM-DD",
                    description=(
                        "The day the claim was confirmed against its sources (YYYY-MM-DD), "
                        "never before a source's own date; lint warns when that is longer "
                        "ago than --max-age days."
                    ),
                )
            ),
            "supports": Field(
                IdMap(
                    Boolean(),
                    what="option",
                    description=(
                        "On a feature's note: per option, whether the note says it ships "
                        "the feature built in. Lint reports a row whose `builtin` says "
                        "otherwise (the table changes, not just the note)."
                    ),
                )
            ),
            "suggested_ratings": Field(
                IdMap(
                    _rating,
                    what="option",
                    description="The former name of evidence_ratings (still read; lint warns).",
                )
            ),
        },
    ),
)
_notes = ListOf(
    _note, max_items=MAX_LIST, description="Notes on dated or disputed claims, with sources."
)

_item = Named(
    "item",
    Record(
        description="A short labelled point.",
        fields={
            "label": Field(Text(description="A few words.", max_length=200), True),
            "detail": Field(Text(description="One sentence.")),
        },
    ),
)

_option = Record(
    description="One of the things being chosen between.",
    fields={
        "label": Field(Text(description="Name shown in tables.", max_length=80), True),
        "summary": Field(Text(description="One or two sentences on what it is.")),
        "url": Field(_url),
        "strengths": Field(ListOf(Text(), max_items=MAX_LIST, description="What it is good at.")),
        "ideal_for": Field(ListOf(_item, max_items=MAX_LIST, description="Its ideal use cases.")),
        "examples": Field(
            ListOf(_item, max_items=MAX_LIST, description="Example projects that suit it.")
        ),
        "choose_when": Field(
            ListOf(Text(), max_items=MAX_LIST, description="'Choose it when...' points.")
        ),
        "notes": Field(_notes),
    },
)

_weight = Number(
    description="How much the criterion counts before any answer (0 = not at all).",
    minimum=0,
    maximum=1000,
    range_hint="weights are from 0 to 1000",
)

_criterion = Record(
    description="A row of the decision matrix.",
    fields={
        "label": Field(Text(description="Name shown in tables.", max_length=80), True),
        "description": Field(Text(description="One line: what this criterion measures."), True),
        "weight": Field(_weight),
        "ratings": Field(_ratings, True),
        "rationale": Field(Text(description="Why the options are rated as they are.")),
        "in_source": Field(
            Boolean(
                description=(
                    "Whether the source comparison has this criterion (default true). A "
                    "criterion added from research (false) has no published rating, so "
                    "`advise --ratings source` leaves it out."
                )
            )
        ),
        "notes": Field(_notes),
    },
)

_feature = Record(
    description="A row of the feature comparison.",
    fields={
        "label": Field(Text(description="Name shown in tables.", max_length=80), True),
        "description": Field(Text()),
        "values": Field(
            IdMap(
                Record(
                    description="What one option offers for this feature.",
                    fields={
                        "text": Field(Text(description="What the table shows."), True),
                        "builtin": Field(
                            Boolean(description="Whether the option ships it built in.")
                        ),
                        "fill": Field(
                            Text(description="How teams usually fill the gap when not built in.")
                        ),
                        "published": Field(
                            Text(
                                description=(
                                    "The source comparison's cell as published, kept where "
                                    "the evidence corrected `text` and `builtin`."
                                )
                            )
                        ),
                    },
                ),
                what="option",
                description="Each option's value, keyed by option id.",
            ),
            True,
        ),
        "notes": Field(_notes),
    },
)

_benchmark = Record(
    description="A row of benchmark figures.",
    fields={
        "label": Field(Text(description="What was measured.", max_length=120), True),
        "description": Field(Text()),
        "unit": Field(Text(description="Unit of the figures, e.g. req/s.", max_length=40), True),
        "higher_is_better": Field(Boolean(description="true for throughput, false for latency.")),
        "approximate": Field(Boolean(description="Whether the figures are approximate (~).")),
        "results": Field(
            IdMap(
                Record(
                    fields={
                        "value": Field(Number(minimum=0, description="The figure."), True),
                        "setup": Field(Text(description="What exactly ran, e.g. the ORM used.")),
                    }
                ),
                what="option",
                description="Each option's figure, keyed by option id.",
            ),
            True,
        ),
        "notes": Field(_notes),
    },
)

_hybrid = Record(
    description=(
        "A way to combine options. A close call suggests it only when the answers meet its "
        "`when`: when they call for the strengths of both sides."
    ),
    fields={
        "label": Field(Text(max_length=120), True),
        "summary": Field(Text(), True),
        "options": Field(ListOf(Id(), min_items=2, description="The options combined."), True),
        "steps": Field(ListOf(Text(), max_items=MAX_LIST, description="How to do it.")),
        "when": Field(
            _condition,
            text_hint='`when` is now a condition such as {admin: "yes"}; move the text to `fits`',
        ),
        "fits": Field(Text(description="When this approach fits, in words.")),
    },
)

ALTERNATIVE_SCOPES = ("outside", "beside")

_alternative = Record(
    description=(
        "An approach beyond the options, offered when the answers meet one of its `when` "
        "conditions: `outside` when the project is one the options are not meant for (the "
        "report says so first, before any scores); `beside` when it fits alongside them."
    ),
    fields={
        "label": Field(Text(max_length=120), True),
        "scope": Field(Choice(ALTERNATIVE_SCOPES, "outside or beside."), True),
        "summary": Field(
            Text(description="What it is and why it fits, in a sentence or two."), True
        ),
        "url": Field(_url),
        "reasons": Field(ListOf(Text(), max_items=MAX_LIST, description="Why it fits.")),
        "trade_offs": Field(
            ListOf(
                Text(), max_items=MAX_LIST, description="What it costs, or where it falls short."
            )
        ),
        "when": Field(
            ListOf(
                _condition,
                min_items=1,
                max_items=MAX_LIST,
                description="The answers that call for it: offered when any one condition holds.",
            ),
            True,
        ),
        "notes": Field(_notes),
    },
)

_confidence_level = Record(
    fields={
        "min_margin": Field(
            Number(minimum=0, maximum=100, description="Smallest margin, in points."), True
        ),
        "label": Field(Text(max_length=40), True),
        "explanation": Field(Text()),
    }
)

_decision = Record(
    description="How margins between the top two options are worded.",
    fields={
        "hybrid_margin": Field(
            Number(
                minimum=0,
                maximum=100,
                description=(
                    "Below this margin (points of 100) the verdict is a close call: either "
                    "option is sound, or a hybrid whose `when` the answers meet."
                ),
            )
        ),
        "confidence": Field(
            ListOf(_confidence_level, description="Confidence wording by margin, any order.")
        ),
        "robustness": Field(
            Record(
                description=(
                    "How the report tests the verdict: it varies every weight within a band "
                    "around the user's, unsure answers over their choices and disputed "
                    "ratings over their two values, and counts how often the winner stays "
                    "first."
                ),
                fields={
                    "band": Field(
                        Number(
                            minimum=0,
                            maximum=1,
                            description=(
                                "How far each weight may move, as a share of it "
                                "(0.5: from half to one and a half times); default 0.5."
                            ),
                        )
                    ),
                    "samples": Field(
                        Number(
                            integer=True,
                            minimum=100,
                            maximum=100_000,
                            description="How many variations; default 10,000.",
                        )
                    ),
                    "seed": Field(
                        Number(
                            integer=True,
                            minimum=0,
                            maximum=2**32 - 1,
                            description="Seed of the variations, so every run agrees; default 1.",
                        )
                    ),
                },
            )
        ),
        "review_after": Field(
            Number(
                integer=True,
                minimum=1,
                maximum=3650,
                description=(
                    "Days after its date that a decision record is due for review, unless "
                    "`advise --review-by` says otherwise; `fwchoice review` reports it then."
                ),
            )
        ),
    },
)

_effect = Number(
    minimum=-1000,
    maximum=1000,
    description="Added to the criterion's weight when this answer is given.",
    range_hint="effects are from -1000 to 1000",
)
_weight_effects = IdMap(_effect, what="criterion", description="Weight changes, by criterion id.")

_choice = Record(
    description="One answer to a question.",
    fields={
        "label": Field(Text(max_length=200), True),
        "help": Field(Text()),
        "weights": Field(_weight_effects),
        "needs": Field(
            ListOf(
                Id(),
                max_items=MAX_LIST,
                description=(
                    "Features this answer makes necessary (feature ids): the report names, "
                    "as a caveat, each one the winner does not ship built in."
                ),
            )
        ),
        "must_have": Field(
            ListOf(
                Id(),
                max_items=MAX_LIST,
                description=(
                    "Features that must come with the framework (feature ids). An option "
                    "without one built in cannot come first, unless the feature row names "
                    "a usual add-on and the answers accept add-ons: then it is a caveat."
                ),
            )
        ),
        "accepts_add_ons": Field(
            Boolean(
                description=(
                    "This answer says whether a well-known add-on may stand in for a "
                    "must-have that is not built in (without any such answer: it may not)."
                )
            )
        ),
    },
)


def _listed(names: list[str], last: str) -> str:
    return ", ".join(names[:-1]) + f" {last} " + names[-1] if len(names) > 1 else names[0]


_listed_choices = [k.name for k in KINDS.values() if k.written_choices]
_type_fields = {kind.name: kind.schema_fields(_effect) for kind in KINDS.values()}
TYPE_KEYS = {key: name for name, fields in _type_fields.items() for key in fields}
"""The keys only some question types take (a scale's ``scale``), and the type each is for."""
_question = Record(
    description="A question of the questionnaire, and what each answer does.",
    fields={
        "text": Field(Text(description="The question as asked.", max_length=300), True),
        "help": Field(Text(description="One line shown under the question.")),
        "type": Field(Choice(QUESTION_TYPES, _listed(list(QUESTION_TYPES), "or") + "."), True),
        "choices": Field(
            IdMap(
                _choice,
                min_items=2,
                max_items=MAX_CHOICES,
                what="choice",
                description=f"For {_listed(_listed_choices, 'and')} types.",
            )
        ),
        # The keys a type adds (a scale's `scale:`), each from its module.
        **{key: f for fields in _type_fields.values() for key, f in fields.items()},
        "default": Field(_answer),
        "default_when": Field(
            ListOf(
                Record(
                    description="A default that applies when earlier answers meet `when`.",
                    fields={
                        "when": Field(_condition, True),
                        "default": Field(_answer, True),
                    },
                ),
                max_items=MAX_DEFAULT_RULES,
                description=(
                    "Defaults that follow earlier answers: the first rule whose `when` the "
                    "answers meet gives the default (an unsure answer meets none); "
                    "otherwise `default` does."
                ),
            )
        ),
        "when": Field(_condition),
    },
    extra_json={
        "allOf": [
            {
                "if": {
                    "properties": {"type": {"enum": _listed_choices}},
                    "required": ["type"],
                },
                "then": {"required": ["choices"]},
            },
            *(rule for kind in KINDS.values() for rule in kind.schema_rules()),
        ]
    },
)

_preset = Record(
    description="A named set of answers, e.g. a typical project.",
    fields={
        "description": Field(Text(description="One line shown by --list-presets."), True),
        "answers": Field(_answers, True),
    },
)

_scenario = Record(
    description="A known case: these answers must give this recommendation (lint checks it).",
    fields={
        "description": Field(Text(), True),
        "preset": Field(Id(description="Start from this preset's answers.")),
        "answers": Field(_answers),
        "expect": Field(
            Record(
                fields={
                    "winner": Field(Id(description="The option that must come first."), True),
                    "hybrid": Field(
                        Boolean(description="Whether the verdict must (not) be a hybrid.")
                    ),
                    "alternatives": Field(
                        ListOf(
                            Id(),
                            max_items=MAX_HYBRIDS,
                            description=(
                                "The alternatives the answers must call for, exactly "
                                "(an empty list: none)."
                            ),
                        )
                    ),
                }
            ),
            True,
        ),
        "source": Field(Text(description="Where the expectation comes from.")),
    },
)

DOCUMENT: Spec = Record(
    description="A decision between options: matrix, features, questionnaire and scenarios.",
    fields={
        "version": Field(Version(FORMAT_VERSION, "Format version; always 1."), True),
        "title": Field(Text(description="What is being decided.", max_length=200), True),
        "description": Field(Text()),
        "source": Field(
            Record(
                description="The comparison this file carries.",
                fields={
                    "title": Field(Text(), True),
                    "url": Field(_url),
                    "author": Field(Text()),
                    "published": Field(Text(max_length=40)),
                },
            )
        ),
        "options": Field(
            IdMap(
                _option,
                min_items=2,
                max_items=MAX_OPTIONS,
                what="option",
                description="What is chosen between.",
            ),
            True,
        ),
        "criteria": Field(
            IdMap(
                _criterion,
                min_items=1,
                max_items=MAX_CRITERIA,
                what="criterion",
                description="The decision matrix.",
            ),
            True,
        ),
        "features": Field(
            IdMap(_feature, max_items=MAX_ROWS, what="feature", description="Feature comparison.")
        ),
        "benchmarks": Field(
            IdMap(_benchmark, max_items=MAX_ROWS, what="benchmark", description="Benchmarks.")
        ),
        "hybrids": Field(
            IdMap(_hybrid, max_items=MAX_HYBRIDS, what="hybrid", description="Combinations.")
        ),
        "alternatives": Field(
            IdMap(
                _alternative,
                max_items=MAX_HYBRIDS,
                what="alternative",
                description="Approaches beyond the options, and projects outside their scope.",
            )
        ),
        "decision": Field(_decision),
        "questions": Field(
            IdMap(
                _question,
                max_items=MAX_QUESTIONS,
                what="question",
                description="The questionnaire.",
            )
        ),
        "presets": Field(
            IdMap(_preset, max_items=MAX_ROWS, what="preset", description="Named answer sets.")
        ),
        "scenarios": Field(
            IdMap(
                _scenario, max_items=MAX_ROWS, what="scenario", description="Cases lint verifies."
            )
        ),
    },
)


def json_schema() -> dict[str, Any]:
    """The format as a JSON Schema (draft 2020-12)."""
    return to_json_schema(DOCUMENT, title="fwchoice criteria file", schema_id=SCHEMA_ID)


# --- saved answers -----------------------------------------------------------------

ANSWERS_MARKER = "fwchoice_answers"
"""The key that makes an answers file a saved record (``--save-answers``)."""
ANSWERS_FORMAT_VERSION = 1
ANSWERS_SCHEMA_ID = "https://github.com/fwchoice/fwchoice/raw/main/docs/schemas/answers.schema.json"
PROVENANCES = ("asked", "default", "preset", "flag", "file")
VERDICT_KINDS = ("clear", "close", "tie", "only", "none", "hybrid")
"""The verdict kinds a saved answers file may record; ``hybrid`` is what versions
before the close-call kinds wrote, so their files still replay."""

_points = Number(minimum=0, maximum=100, description="Points of 100.")

_RECORD_PARTS: dict[str, Field] = {
    "criteria": Field(
        Record(
            description="The criteria file the answers were scored with.",
            fields={
                "path": Field(Text(max_length=4096, description="As the user named it.")),
                "version": Field(Version(FORMAT_VERSION, "Its format version.")),
                "sha256": Field(
                    Text(
                        max_length=64,
                        pattern=f"^[0-9a-f]{{64}}{END}",
                        pattern_hint="a SHA-256 is 64 lower-case hexadecimal digits",
                    )
                ),
            },
        ),
        True,
    ),
    "verdict": Field(
        Record(
            description="What the answers led to then.",
            fields={
                "kind": Field(Choice(VERDICT_KINDS, "clear, close, tie, only or none."), True),
                "winner": Field(Id(description="The option that came first."), True),
                "runner_up": Field(Nullable(Id(description="The option that came second."))),
                "margin": Field(
                    Number(
                        minimum=-100,
                        maximum=100,
                        description=(
                            "Points between the first two; below 0 when the option "
                            "ranked second scored higher but lacks a must-have."
                        ),
                    )
                ),
                "scores": Field(IdMap(_points, what="option", description="Each score.")),
            },
        ),
        True,
    ),
    "how": Field(
        IdMap(
            Choice(PROVENANCES, "How the answer was given."),
            what="question",
            description="How each answer was given.",
        )
    ),
    "snapshot": Field(
        IdMap(
            Record(
                fields={
                    "label": Field(Text(max_length=200)),
                    "weight": Field(
                        Number(minimum=0, maximum=1_000_000, description="Final weight."),
                        True,
                    ),
                    "ratings": Field(_ratings, True),
                }
            ),
            what="criterion",
            description="Each criterion's final weight and ratings, as scored then.",
        )
    ),
    "ratings": Field(
        Choice(("source", "evidence"), "The ratings scored: the source's or the evidence's.")
    ),
    "review_by": Field(Date("When the decision is due for review (`fwchoice review` reports it).")),
}
"""What a saved answers file and a team record share: the criteria file, the
verdict then, how each answer was given, and the weights and ratings scored."""

SAVED_ANSWERS: Spec = Record(
    description=(
        "Answers saved by `fwchoice advise --save-answers` (or embedded in a decision "
        "record), with what they led to, so a later run can replay them and explain what "
        "changed."
    ),
    fields={
        ANSWERS_MARKER: Field(
            Version(ANSWERS_FORMAT_VERSION, "Format version; always 1.", key=ANSWERS_MARKER),
            True,
        ),
        "name": Field(
            Text(max_length=NAME_LENGTH, description="Whose answers (a decision-maker).")
        ),
        "answers": Field(_answers, True),
        **_RECORD_PARTS,
    },
)

TEAM_MARKER = "fwchoice_team"
SAVED_TEAM: Spec = Record(
    description=(
        "A team decision embedded in its record: each member's answers, and what the "
        "averaged weights led to."
    ),
    fields={
        TEAM_MARKER: Field(
            Version(ANSWERS_FORMAT_VERSION, "Format version; always 1.", key=TEAM_MARKER), True
        ),
        "members": Field(
            ListOf(
                Record(
                    fields={
                        "name": Field(Text(max_length=NAME_LENGTH), True),
                        "answers": Field(_answers, True),
                    }
                ),
                min_items=2,
                max_items=MAX_MEMBERS,
                description="Who answered, and how.",
            ),
            True,
        ),
        **_RECORD_PARTS,
    },
)


def answers_json_schema() -> dict[str, Any]:
    """The saved-answers format as a JSON Schema (draft 2020-12)."""
    return to_json_schema(
        SAVED_ANSWERS, title="fwchoice saved answers", schema_id=ANSWERS_SCHEMA_ID
    )


TEAM_SCHEMA_ID = (
    "https://github.com/fwchoice/fwchoice/raw/main/docs/schemas/team-record.schema.json"
)


def team_record_json_schema() -> dict[str, Any]:
    """A team record's replay block as a JSON Schema (draft 2020-12)."""
    return to_json_schema(
        SAVED_TEAM, title="fwchoice team decision record", schema_id=TEAM_SCHEMA_ID
    )
