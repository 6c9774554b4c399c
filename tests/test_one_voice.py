"""One message system (issue 13): every word a user reads is in `flexasn/locale`, in
Indonesian and English, so that ``message("id")`` is Indonesian throughout and
``message("en")`` English.

An AST scan of `src/flexasn` fails on a string literal (or f-string) given as the message
of an error (a flexasn error, or a ``ValueError`` / ``TypeError`` raised where a model
validator turns it into one), and on one printed by the command line. A text that is a
catalogue key (``CliError("bad_date")``) is a key, not a message. No site is excused: the
only literal text left is a machine format (`FORMATS`).

A second scan fails on words ``--help`` shows (``help=``, ``description=``, ``epilog=``, a
group's title, a command's ``HELP``) and on a picture's label, title or tick written in
code, or picked by language in code (``{"id": ..., "en": ...}``, ``... if lang == "id"``).

Every literal key given to ``Text(...)`` or ``render(...)`` must be in the catalogue, with
exactly the placeholders the call fills.
"""

from __future__ import annotations

import ast
import re
import string
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

import flexasn as fx
from flexasn.messages import LANGUAGES, Text, catalogue, render, require_language

SRC = Path(__file__).resolve().parent.parent / "src" / "flexasn"
WORD = re.compile(r"[A-Za-z]{2,}")
KEY = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)?")
BUILTIN_ERRORS = frozenset({"ValueError", "TypeError", "KeyError", "LookupError", "ImportError"})

FORMATS = frozenset({"cli/check.py::_print::print"})
"""Literal text that is a machine format, not words: ``# outcome=allowed``, the comment
line before a decision's CSV rows."""


def _error_names() -> frozenset[str]:
    """The error and warning classes flexasn defines, and the built-in errors a model
    validator turns into a model error."""
    names = set(BUILTIN_ERRORS)
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name.endswith(("Error", "Warning")):
                names.add(node.name)
    return frozenset(names)


ERRORS = _error_names()
KEYS = set(catalogue("id"))


def _is_key(text: str) -> bool:
    """A catalogue key, whole (``cli_error.bad_date``) or within its table (``bad_date``)."""
    if not KEY.fullmatch(text):
        return False
    return text in KEYS or any(k.endswith("." + text) for k in KEYS)


def _literal(node: ast.AST | None) -> bool:
    """True when ``node`` is words written in code: a string literal (not a key) or an
    f-string whose literal parts hold a word, or an expression built of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORD.search(node.value)) and not _is_key(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and WORD.search(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    if isinstance(node, ast.IfExp):
        return _literal(node.body) or _literal(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(_literal(v) for v in node.values)
    return False


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _scopes(tree: ast.Module) -> Iterator[tuple[str, ast.AST]]:
    """Every node with the qualified name of the functions and classes around it."""

    def walk(node: ast.AST, scope: str) -> Iterator[tuple[str, ast.AST]]:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = f"{scope}.{child.name}" if scope else child.name
            yield inner, child
            yield from walk(child, inner)

    yield from walk(tree, "")


def _printed(call: ast.Call, path: Path) -> bool:
    """A call of the command line that writes to the user: print, echo, a stream's write."""
    return path.parent.name == "cli" and _name(call.func) in ("print", "echo", "write")


def user_text_sites() -> Counter[str]:
    """``file::function::Error`` (or ``print``) for every message written in code."""
    found: Counter[str] = Counter()
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for scope, node in _scopes(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            guard = name == "error" and isinstance(node.func, ast.Name)  # ``raise error(...)``
            if name in ERRORS or guard:
                said = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "message")]
            elif _printed(node, path):
                said = list(node.args)
            else:
                continue
            if any(_literal(a) for a in said):
                found[f"{relative}::{scope or '<module>'}::{name}"] += 1
    return found


def test_no_user_facing_string_literal_is_left_in_code() -> None:
    found = user_text_sites()
    new = {site: n for site, n in found.items() if site not in FORMATS}
    assert new == {}, f"messages written in code: move them to flexasn/locale: {new}"


def test_the_machine_formats_are_still_there() -> None:
    """Each listed machine format is still in the code, once (a list that cannot go stale)."""
    found = user_text_sites()
    assert {site: found.get(site, 0) for site in FORMATS} == dict.fromkeys(FORMATS, 1)


def test_the_scan_sees_a_literal_message(tmp_path: Path) -> None:
    """The check itself can fail: an f-string message and a plain one are caught, a key
    and a Text are not."""
    tree = ast.parse(
        "raise InvalidInputError(f'{x} is wrong')\n"
        "raise ValueError('bad')\n"
        "raise CliError('bad_date')\n"
        "raise InvalidInputError(Text('argument.mask_key'))\n"
    )
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n.func) in ERRORS]
    assert [_literal(c.args[0]) for c in calls] == [True, True, False, False]


# --- the command line's help and the pictures' labels -------------------------------------

HELP_KEYWORDS = frozenset({"help", "description", "epilog", "title"})
"""Keywords of argparse's calls whose text ``--help`` shows."""
GROUPS = frozenset({"add_argument_group", "add_mutually_exclusive_group", "add_parser"})
"""Argparse's calls whose first argument ``--help`` shows (a group's title)."""
LABELLERS = frozenset(
    {"set_title", "suptitle", "set_xlabel", "set_ylabel", "set_label", "set_xticks",
     "set_yticks", "set_xticklabels", "set_yticklabels", "legend", "text", "annotate",
     "Patch", "_patch", "bar"}
)  # fmt: skip
"""Matplotlib's calls that write words on a picture: their positional arguments and their
``label`` / ``labels`` / ``title`` keywords."""
LABEL_KEYWORDS = frozenset({"label", "labels", "title"})


def _words(node: ast.AST | None) -> bool:
    """`_literal`, looking into tuples, lists, dicts, comprehensions and subscripts too
    (``("Sen", "Sel")``, ``{"id": (...), "en": (...)}[lang]``)."""
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_words(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return any(_words(v) for v in node.values)
    if isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
        return _words(node.elt)
    if isinstance(node, ast.Subscript):
        return _words(node.value)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    if isinstance(node, ast.Constant) and node.value in LANGUAGES:
        return False  # a language's code (``"en" if ... else "id"``), not words
    return _literal(node)


def _by_language(node: ast.AST) -> bool:
    """Words picked by language in code: a ``{"id": ..., "en": ...}`` table of words, or
    ``"..." if lang == "id" else "..."``."""
    if isinstance(node, ast.Dict):
        keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
        return keys >= {"id", "en"} and _words(node)
    if isinstance(node, ast.IfExp) and isinstance(node.test, ast.Compare):
        sides = [node.test.left, *node.test.comparators]
        said = {s.value for s in sides if isinstance(s, ast.Constant)}
        return bool(said & {"id", "en"}) and _words(node)
    return False


def shown_text_sites_in(tree: ast.Module, relative: str) -> Counter[str]:
    """``file::function::what`` for every help text (``cli/``) or picture label (a module
    that draws with matplotlib) written in code: ``help``, ``description``, ``epilog``,
    a group's title or a command's ``HELP``; a label, a title, a tick or legend text, or
    a table of words picked by language."""
    cli = relative.startswith("cli/")
    picture = "matplotlib" in ast.unparse(tree)
    found: Counter[str] = Counter()
    for scope, node in _scopes(tree):
        where = f"{relative}::{scope or '<module>'}"
        if cli and isinstance(node, ast.Assign):
            names = {t.id for t in node.targets if isinstance(t, ast.Name)}
            if "HELP" in names and _words(node.value):
                found[f"{where}::HELP"] += 1
        if (cli or picture) and _by_language(node):
            found[f"{where}::by_language"] += 1
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        said: list[ast.expr] = []
        if cli:
            said += [k.value for k in node.keywords if k.arg in HELP_KEYWORDS]
            said += node.args[:1] if name in GROUPS else []
        if picture and name in LABELLERS:
            said += [*node.args, *(k.value for k in node.keywords if k.arg in LABEL_KEYWORDS)]
        if any(_words(a) for a in said):
            found[f"{where}::{name}"] += 1
    return found


def shown_text_sites() -> Counter[str]:
    """`shown_text_sites_in` over `src/flexasn`."""
    found: Counter[str] = Counter()
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found.update(shown_text_sites_in(tree, path.relative_to(SRC).as_posix()))
    return found


def test_no_help_text_or_picture_label_is_left_in_code() -> None:
    """``--help`` and the pictures read their words from flexasn/locale (``[cli_help]``,
    ``[picture]``, ``[picture_regional]``), like every other message."""
    assert shown_text_sites() == {}, "words written in code: move them to flexasn/locale"


def test_the_scan_sees_a_help_text_or_a_label_in_code() -> None:
    """The check itself can fail: each way of writing help or a label in code is caught
    (one site each), and the catalogue's way (a key, `both`, `render`) is not."""
    cli = ast.parse(
        "HELP = ('kalender ASN sebulan / the ASN calendar of a month', both('x'))\n"
        "def add_arguments(p):\n"
        "    p.add_argument('--opd', help='kode OPD / OPD code')\n"
        "    p.add_argument_group('pegawai / employee')\n"
        "    p.add_argument('--nip', help=both('check_nip'))\n"
        "    p.add_argument_group(both('roster'))\n"
        "def build():\n"
        "    Parser(prog='flexasn', description=f'Aturan {x} / rules')\n"
        "    Parser(prog='flexasn', description=about('prog_about'))\n"
        "    lang = 'en' if asked == 'en' else 'id'\n"
    )
    assert shown_text_sites_in(cli, "cli/x.py") == {
        "cli/x.py::<module>::HELP": 1,
        "cli/x.py::add_arguments::add_argument": 1,
        "cli/x.py::add_arguments::add_argument_group": 1,
        "cli/x.py::build::Parser": 1,
    }
    picture = ast.parse(
        "import matplotlib\n"
        "_DAYS = {'id': ('Sen', 'Sel'), 'en': ('Mon', 'Tue')}\n"
        "def grid(ax, lang):\n"
        "    ax.set_title('Peta keputusan daerah' if lang == 'id' else 'Regional decisions')\n"
        "    Patch(color='#e5e5e5', label='konflik / tidak pasti')\n"
        "    ax.set_xticks(range(7), ('Sen', 'Sel'))\n"
        "    ax.set_title(render('picture_regional.title', lang), loc='center')\n"
        "    Patch(color='#e5e5e5', label=render(f'picture_regional.{code}', lang))\n"
    )
    assert shown_text_sites_in(picture, "pictures.py") == {
        "pictures.py::<module>::by_language": 1,
        "pictures.py::grid::by_language": 1,
        "pictures.py::grid::set_title": 1,
        "pictures.py::grid::Patch": 1,
        "pictures.py::grid::set_xticks": 1,
    }


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _literal_keys() -> Iterator[tuple[str, str, set[str] | None]]:
    """``(where, key, keywords)`` of each ``Text("key", ...)`` / ``render("key", lang, ...)``
    call with a literal key; ``keywords`` is None where a ``**mapping`` fills them."""
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in ("Text", "render")):
                continue
            if not (node.args and isinstance(node.args[0], ast.Constant)):
                continue
            key = node.args[0].value
            if not isinstance(key, str) or "." not in key:
                continue
            given = (
                None
                if any(k.arg is None for k in node.keywords)
                else {str(k.arg) for k in node.keywords}
            )
            yield f"{path.relative_to(SRC)}:{node.lineno}", key, given


def test_every_key_in_code_is_in_the_catalogue_with_its_placeholders() -> None:
    wrong = []
    by_lang = {lang: catalogue(lang) for lang in LANGUAGES}
    for where, key, given in _literal_keys():
        if key not in by_lang["id"]:
            wrong.append(f"{where}: no key {key}")
            continue
        if given is not None and given != _fields(by_lang["id"][key]):
            wrong.append(
                f"{where}: {key} fills {sorted(given)}, needs {sorted(_fields(by_lang['id'][key]))}"
            )
    assert wrong == []


# --- the messages themselves: worked out by hand ----------------------------------------


def test_an_argument_error_speaks_each_language_throughout() -> None:
    with pytest.raises(fx.ArgumentTypeError) as info:
        fx.day_kind("2025-03-24")  # type: ignore[arg-type]
    error = info.value
    assert str(error) == (
        "day must be a datetime.date, not str (parse it first: date.fromisoformat(...))"
    )
    assert error.message("en") == str(error)
    assert error.message("id") == (
        "day harus berupa datetime.date, bukan str (uraikan dulu: date.fromisoformat(...))"
    )


def test_an_unknown_policy_speaks_indonesian_throughout() -> None:
    error = fx.UnknownPolicyError("zzz", ["kab-malang", "kota-malang"])
    assert str(error) == "unknown policy 'zzz'; known policies: kab-malang, kota-malang"
    assert error.message("id") == (
        "instansi atau kebijakan 'zzz' tidak dikenal; id yang dikenal: kab-malang, kota-malang"
    )


def test_a_policy_conflict_speaks_indonesian() -> None:
    error = fx.PolicyConflictError(
        Text("policy.equal_rank", policy="p", first="a", second="b", day="2025-03-24"),
        rules=("a", "b"),
    )
    assert (
        str(error) == "policy 'p': arrangements 'a' and 'b' both cover 2025-03-24 with equal rank"
    )
    assert error.message("id") == (
        "kebijakan 'p': pengaturan 'a' dan 'b' sama-sama mencakup 2025-03-24 "
        "dengan peringkat yang sama"
    )


def test_a_bad_nip_in_a_model_speaks_indonesian() -> None:
    with pytest.raises(fx.ModelNipError) as info:
        fx.Employee(nip="123", opd="BKAD")
    assert info.value.message("id") == (
        "Employee tidak sah: isian 'nip': NIP harus tepat 18 digit (ada 3 karakter)"
    )


def test_pydantic_jargon_never_reaches_a_message() -> None:
    """An unknown field, a wrong type and a frozen model: the plain words of the catalogue
    in both languages (``str()`` keeps pydantic's words for code written against it)."""
    with pytest.raises(fx.ModelValidationError) as info:
        fx.Opd(
            code="A", name="A", instansi="kab-malang", kind="bkad", service="esensial",
            headcount="x", zzz=1,  # type: ignore[call-arg]
        )  # fmt: skip
    error = info.value
    assert error.message("id") == (
        "Opd tidak sah: isian 'headcount': harus bilangan bulat; "
        "isian 'zzz': nama isian 'zzz' tidak dikenal"
    )
    assert error.message("en") == (
        "invalid Opd: field 'headcount': must be a whole number; "
        "field 'zzz': unknown field name 'zzz'"
    )
    opd = fx.Opd(
        code="A", name="A", instansi="kab-malang", kind="bkad", service="esensial", headcount=1
    )
    with pytest.raises(fx.ModelValidationError) as frozen:
        opd.headcount = 2  # type: ignore[misc]
    for lang in LANGUAGES:
        text = frozen.value.message(lang)
        for jargon in ("Input should", "Extra inputs", "Instance is frozen", "Field required"):
            assert jargon not in text


def test_an_unknown_language_is_one_error_everywhere() -> None:
    """Every path that takes a language raises UnknownLanguageError for one it does not
    know: the catalogue, a Text, an error's message, a citation, a decision, a day's
    name, a policy's notes, the holiday name and the language guard."""
    policy = fx.get_policy("kab-malang")

    paths: list[Callable[[], object]] = [
        lambda: catalogue("fr"),
        lambda: render("cli.error", "fr"),  # type: ignore[arg-type]
        lambda: Text("cli.error").render("fr"),
        lambda: require_language("fr"),
        lambda: fx.InvalidInputError(Text("argument.mask_key")).message("fr"),  # type: ignore[arg-type]
        lambda: fx.CoverageError(date(2030, 1, 1), (2025,)).message("fr"),  # type: ignore[arg-type]
        lambda: fx.cite("perpres-21-2023").text("fr"),  # type: ignore[arg-type]
        lambda: fx.day_info(date(2025, 3, 28)).name("fr"),  # type: ignore[arg-type]
        lambda: policy.arrangement[0].note("fr"),
        lambda: fx.holiday_name(date(2025, 3, 28), lang="fr"),  # type: ignore[arg-type]
    ]
    for path in paths:
        with pytest.raises(fx.UnknownLanguageError) as info:
            path()
        assert info.value.message("en").endswith("unknown language 'fr'; use one of id, en")
        assert info.value.message("id").endswith(
            "bahasa 'fr' tidak dikenal; gunakan salah satu dari: id, en"
        )


def test_a_ramadan_not_yet_decreed_speaks_indonesian() -> None:
    """1 Ramadan 1448 H (8 February 2027) is an estimate in data/ramadan.toml (to 9 March
    2027); the decreed Ramadan years are 2025 and 2026."""
    with pytest.raises(fx.CoverageError) as info:
        fx.ramadan_period(date(2027, 2, 8))
    assert info.value.message("id") == (
        "2027-02-08 di luar kalender Ramadan: 1448 H belum ditetapkan "
        "(perkiraan 2027-02-08..2027-03-09) yang sudah ditetapkan (tahun tercakup: 2025-2026)"
    )
    assert info.value.what.startswith("Ramadan calendar: 1448 H is not decreed yet")


# --- every key of the catalogue is said somewhere ----------------------------------------

BUILT_KEYS = (
    # Keys the code builds from a value rather than writes whole: a key is used when it
    # starts with one of these.
    "cli.q_",  # cli/quota.py: say(lang, f"q_{q.reason}"), a quota's reason code
    "cli_day.",  # a weekday's number (cli/words.py day_name, pictures.py's weekday axis)
    "cli_help.about_",  # cli/words.py command_help: f"about_{name}", a command's NAME
    "month_short.",  # regional.py _span_label: a month's number
    "cli_status.",  # cli/words.py: _label("cli_status", status)
    "cli_time_mode.",  # cli/words.py: _label("cli_time_mode", mode)
    "cli_severity.",  # cli/words.py: _label("cli_severity", severity)
    "picture.value_",  # pictures.py: _word(f"value_{value}")
    "picture.service_",  # pictures.py: _word(f"service_{s}")
    # roster/columns.py map_columns: f"{words}.duplicate_column", words "table" (the
    # default) or "attendance"
    "attendance.duplicate_column",
    "attendance.missing_columns",
    "table.duplicate_column",
    "table.missing_columns",
)


def _said_in_code() -> tuple[set[str], set[str]]:
    """Every string literal of `src/flexasn`, and the tables an f-string names
    (``f"policy_error.{kind}"`` -> ``policy_error``)."""
    literals: set[str] = set()
    tables: set[str] = set()
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and re.fullmatch(r"[a-z_]+\.", str(first.value)):
                    tables.add(str(first.value)[:-1])
    return literals, tables


def test_every_catalogue_key_is_used_in_the_code() -> None:
    """A key is used when the code writes it whole (``"rotation.headcount"``), or writes
    its table in an f-string and its variant as a literal (``f"server.{key}"`` and
    ``"span_too_long"``), or builds it from a value (`BUILT_KEYS`)."""
    literals, tables = _said_in_code()
    unused = [
        key
        for key in catalogue("id")
        if key not in literals
        and not (key.split(".")[0] in tables and key.split(".", 1)[1] in literals)
        and not key.startswith(BUILT_KEYS)
    ]
    assert unused == [], f"catalogue keys no code uses: remove them from flexasn/locale: {unused}"
