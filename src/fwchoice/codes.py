"""Every diagnostic code fwchoice can report: its severity and its documentation.

Codes are stable: once published, a code keeps its meaning. ``fwchoice lint
--explain CODE`` prints an entry; the README's table is generated from here.

- FWC0xx: the file itself (reading, encoding, YAML syntax, unsafe YAML).
- FWC1xx: the shape of the data (what the JSON Schema also says).
- FWC2xx: references between parts of the file and the meaning of values.
- FWC3xx: the questionnaire (questions, conditions, presets).
- FWC4xx: scenarios, the file's own assertions about its recommendations.
- FWC5xx: saved answers files, checked against the criteria file they name.

A file with any error is refused by every command. Scenario failures (FWC401)
are the one exception: only ``fwchoice lint`` runs scenarios, so a file whose
expectations went stale can still be explored with ``matrix`` and ``advise``.
"""

from fwchoice.diagnostics import Severity
from fwchoice.record import NamedTuple


class Code(NamedTuple):
    code: str
    severity: Severity
    title: str
    explanation: str


_ALL = [
    # --- the file ------------------------------------------------------------
    Code(
        "FWC001",
        "error",
        "file too large",
        "The file is larger than fwchoice accepts (see the README's Limits). A decision "
        "file is hand-written; a file this big is almost certainly the wrong file.",
    ),
    Code(
        "FWC002",
        "error",
        "not UTF-8",
        "The file has bytes that are not valid UTF-8. Save it as UTF-8.",
    ),
    Code(
        "FWC003",
        "error",
        "byte-order mark",
        "The file starts with a byte-order mark. Save it as UTF-8 without a BOM; some "
        "YAML tools read the mark as part of the first key.",
    ),
    Code(
        "FWC004",
        "error",
        "YAML syntax error",
        "The YAML parser could not read the file at this point.",
    ),
    Code(
        "FWC005",
        "error",
        "tab indentation",
        "YAML indents with spaces; a tab cannot start a line's indentation.",
    ),
    Code(
        "FWC006",
        "error",
        "anchor or alias",
        "Anchors (&name) and aliases (*name) are not accepted: they let a few bytes "
        "expand into gigabytes (the 'billion laughs' attack) and hide where a value is "
        "defined. Write the value out.",
    ),
    Code(
        "FWC007",
        "error",
        "nesting too deep",
        "The data nests deeper than any valid criteria file does.",
    ),
    Code(
        "FWC008",
        "error",
        "unsupported tag",
        "An explicit YAML tag such as !!python/object is not accepted: only plain "
        "mappings, lists, text, numbers, booleans and null are.",
    ),
    Code(
        "FWC009",
        "error",
        "empty or multi-document file",
        "The file is empty, holds only comments, or holds more than one YAML document.",
    ),
    Code(
        "FWC010",
        "error",
        "too many values",
        "The file holds more YAML values (scalars, lists and mappings) than fwchoice reads "
        "(see the README's Limits). A decision file is hand-written; one this big is "
        "almost certainly the wrong file, and composing it would take seconds and "
        "gigabytes.",
    ),
    Code(
        "FWC011",
        "error",
        "too many problems",
        "So many problems of one kind (usually duplicate keys) that listing every one "
        "would cost more than it helps; the first ones are listed. Fix them and run lint "
        "again.",
    ),
    # --- shape -------------------------------------------------------------------
    Code(
        "FWC101",
        "error",
        "wrong type",
        "A value has the wrong type, for example a list where a mapping belongs.",
    ),
    Code(
        "FWC102",
        "error",
        "unknown key",
        "A key that the format does not define, usually a typo; the message suggests "
        "the closest known key.",
    ),
    Code("FWC103", "error", "missing key", "A required key is missing."),
    Code(
        "FWC104",
        "error",
        "duplicate key",
        "The same key appears twice in one mapping. YAML loaders silently keep the last "
        "one, so the first is lost; lint does not let that pass.",
    ),
    Code(
        "FWC105",
        "error",
        "key is not text",
        "YAML 1.1 reads some unquoted keys as non-text: `no:` and `yes:` become booleans, "
        "`1:` a number, `~:` null. Quote the key.",
    ),
    Code(
        "FWC106",
        "error",
        "out of range",
        "A number is outside its allowed range, for example a rating of 7 on a 0-5 scale "
        "or a negative weight.",
    ),
    Code(
        "FWC107",
        "error",
        "not a finite number",
        "A number is .nan or .inf, which no score can use.",
    ),
    Code(
        "FWC108",
        "error",
        "empty text",
        "A label or other required text is empty or only whitespace.",
    ),
    Code(
        "FWC109",
        "error",
        "invalid id",
        "Ids (the keys of options, criteria, questions...) are lower-case letters, digits, "
        "'_' and '-', starting with a letter, so they can be typed in `--set ID=VALUE`.",
    ),
    Code(
        "FWC110",
        "error",
        "unsupported version",
        "The file's `version` is not one this fwchoice reads. The first line of a "
        "criteria file is `version: 1`.",
    ),
    Code(
        "FWC111",
        "error",
        "invalid value",
        "A value is not one of those allowed here (for example a question type).",
    ),
    Code(
        "FWC112",
        "error",
        "too few items",
        "A list or mapping has fewer entries than it needs (for example a question "
        "with no choices, or fewer than two options).",
    ),
    Code("FWC113", "error", "text too long", "A text value is longer than the format allows."),
    Code(
        "FWC116",
        "error",
        "reads differently in YAML 1.2",
        "A plain value that YAML 1.1 readers (fwchoice, PyYAML) and YAML 1.2 readers "
        "(editors, check-jsonschema) read differently: `1:0` (60, or the text '1:0'), "
        "`010` (8, or 10), `yes`/`no`/`on`/`off` (booleans, or text), `1e3` (text, or "
        "1000.0). Write the number plainly, or quote the text.",
    ),
    Code(
        "FWC114",
        "error",
        "too many entries",
        "A section holds more entries than fwchoice analyses (see the README's Limits: "
        "options, criteria, questions, choices per question, conditions...). The limits "
        "keep every analysis within seconds; real decision files stay far below them.",
    ),
    # --- references and meaning -----------------------------------------------------
    Code(
        "FWC201",
        "error",
        "missing rating",
        "A criterion has no rating for one of the options; every option is rated on "
        "every criterion.",
    ),
    Code(
        "FWC202",
        "error",
        "undefined criterion",
        "A reference to a criterion id that the file does not define.",
    ),
    Code(
        "FWC203",
        "error",
        "undefined option",
        "A reference to an option id that the file does not define.",
    ),
    Code(
        "FWC204",
        "error",
        "undefined question",
        "A reference to a question id that the file does not define.",
    ),
    Code(
        "FWC205",
        "error",
        "undefined choice",
        "An answer or condition names a choice its question does not have.",
    ),
    Code(
        "FWC206",
        "error",
        "undefined feature",
        "A choice `needs` a feature id that the file does not define.",
    ),
    Code(
        "FWC207",
        "warning",
        "duplicate label",
        "Two entries of the same kind have labels that read the same; readers of the "
        "tables cannot tell them apart.",
    ),
    Code(
        "FWC208",
        "warning",
        "criterion does not discriminate",
        "Every option has the same rating on this criterion, so its weight can never "
        "change a recommendation.",
    ),
    Code(
        "FWC209",
        "warning",
        "control characters in text",
        "Text holds control characters (such as an escape sequence). fwchoice shows "
        "them as visible escapes; they are almost never intended.",
    ),
    Code(
        "FWC210",
        "error",
        "no weight at all",
        "Every criterion has a default weight of zero, so no score can be computed "
        "without answers.",
    ),
    Code(
        "FWC211", "warning", "unused feature", "A feature row has no value for one of the options."
    ),
    Code(
        "FWC212",
        "error",
        "invalid benchmark",
        "A benchmark has no result for any option, so there is nothing to compare.",
    ),
    Code(
        "FWC213",
        "warning",
        "hybrid never shown",
        "A hybrid approach names fewer than two options, or has no `when` (the answers "
        "that call for it), so no close call can suggest it.",
    ),
    Code(
        "FWC214",
        "warning",
        "evidence rating not used",
        "An evidence rating that can never count: it repeats the source's own rating, it "
        "sits on the note of a feature, benchmark or option (only criteria are scored), "
        "or it is written under the former name `suggested_ratings`.",
    ),
    Code(
        "FWC215",
        "error",
        "conflicting evidence ratings",
        "Two notes of one criterion give an option different evidence ratings; the "
        "evidence view of the matrix needs one value per option.",
    ),
    Code(
        "FWC216",
        "warning",
        "stale note",
        "A note whose sources were last checked longer ago than `--max-age` days (365 by "
        "default, counted from `--today`), or that does not say when (`checked: "
        "YYYY-MM-DD`): the facts it carries may have moved since.",
    ),
    Code(
        "FWC217",
        "warning",
        "note without a source",
        "A note names no source, so nobody can check the claim it makes. Add `sources:`, "
        "each with a title, a url and the source's own date or version.",
    ),
    Code(
        "FWC218",
        "error",
        "table contradicts its note",
        "A feature note says (`supports`) whether an option ships the feature built in, "
        "and the row's `builtin` says the opposite. The note is the evidence: correct the "
        "row (its `builtin` and its text), or the note. `supports` belongs on a feature's "
        "note; a criterion's note gives `evidence_ratings`.",
    ),
    Code(
        "FWC219",
        "error",
        "impossible checked date",
        "A note's `checked` is the day its claim was confirmed against its sources. It "
        "cannot be after today (`--today`), nor before the own date of one of its "
        "sources: write the day the check was really made.",
    ),
    Code(
        "FWC220",
        "warning",
        "source without date or version",
        "A source that gives neither its own `date` (when it was published, released or "
        "last changed) nor the `version` it describes: a reader cannot tell how current "
        "the claim is. The date is the source's, never the day it was read.",
    ),
    # --- questionnaire ---------------------------------------------------------
    Code(
        "FWC301",
        "error",
        "question shape",
        "A question's keys do not fit its type: choice questions need `choices`, scale "
        'questions need `scale`, yes/no questions have exactly the choices "yes" and '
        '"no".',
    ),
    Code(
        "FWC302",
        "error",
        "invalid default",
        "A question's default is not one of its choices (or not a valid scale value).",
    ),
    Code(
        "FWC303",
        "error",
        "condition refers to a later question",
        "A `when` condition can only look at questions asked before this one.",
    ),
    Code(
        "FWC304",
        "error",
        "condition can never be true",
        "No combination of earlier answers satisfies this `when` condition, so the "
        "question is never asked.",
    ),
    Code(
        "FWC305",
        "error",
        "invalid answer",
        "A preset's or scenario's answer does not fit its question (unknown question, "
        "unknown choice, several choices for a single-choice question...).",
    ),
    Code(
        "FWC306",
        "error",
        "scale baseline out of range",
        "A scale's baseline must be one of its points (1 to the number of labels).",
    ),
    Code(
        "FWC307",
        "warning",
        "choice changes nothing",
        "No choice of the question changes a weight, adds a need or a must-have, or says "
        "whether add-ons will do, so answering it cannot change the recommendation.",
    ),
    Code(
        "FWC308",
        "error",
        "undefined preset",
        "A scenario refers to a preset that the file does not define.",
    ),
    Code(
        "FWC309",
        "error",
        "reserved id",
        "`unsure` is the answer 'not sure' and cannot be a choice id.",
    ),
    Code(
        "FWC310",
        "error",
        "default rule never applies",
        "A `default_when` rule whose `when` is empty or cannot be met by any earlier "
        "answers, so the default it gives is never used.",
    ),
    # --- scenarios -------------------------------------------------------------------
    Code(
        "FWC401",
        "error",
        "scenario does not hold",
        "A scenario's expected recommendation no longer comes out of the file: an edit "
        "to ratings, weights or effects changed a known case. Either the edit is wrong "
        "or the scenario needs updating.",
    ),
    # --- saved answers ---------------------------------------------------------------
    Code(
        "FWC501",
        "error",
        "answers do not fit",
        "A saved answers file (or a team record) answers a question the criteria file "
        "does not have, or gives an answer its question does not accept; replaying it "
        "would fail.",
    ),
    Code(
        "FWC502",
        "error",
        "criteria file not found",
        "A saved answers file names the criteria file it was scored with, and that file "
        "cannot be found to check the answers against; lint it with --criteria FILE.",
    ),
    Code(
        "FWC503",
        "error",
        "record contradicts its replay block",
        "A decision record's title names another verdict than the replay block at its end "
        "(fwchoice writes the title from that verdict: 'Use' and the winner's label). "
        "review replays the block, not the prose, so one of them was edited by hand; "
        "restore what fwchoice wrote, or file a new record with fwchoice advise.",
    ),
]

CODES: dict[str, Code] = {code.code: code for code in _ALL}


def severity_of(code: str) -> Severity:
    return CODES[code].severity
