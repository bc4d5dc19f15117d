"""One translator, one table of shared words: every (uk, en) table of the project, checked.

How the tables are found (`tables()`):

* Library modules (every module of the packages activity, ui and etl, except `__main__`) are
  imported; a table is a module-level dict whose values are all (str, str) pairs, at least one of
  them Ukrainian (Cyrillic). The same dict reached through several modules (an imported name, or
  MESSAGES that other modules extend at import) counts once.
* Page scripts (pages/*.py, dashboard.py) run the page when imported, so their source is parsed
  instead: a module-level `NAME = {...}` that `ast.literal_eval` reads is a table on the same terms.

The checks: no Ukrainian text is defined twice (in two tables, or under two keys of one); every
pair says something in both languages with the same {placeholders}; and no code outside
activity/i18n.py chooses between a Ukrainian and an English text by itself.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("activity", "ui", "etl")
SCRIPTS = ("pages", "dashboard.py")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LANG_CODES = {"uk", "en"}

# Modules allowed to choose between a Ukrainian and an English text: the translator's own. Keep it
# that way; an entry here needs a comment saying why the translator cannot do.
ALLOWED_CHOOSERS = {"activity/i18n.py"}


def _is_table(value: object) -> bool:
    return (isinstance(value, dict) and bool(value)
            and all(isinstance(v, tuple) and len(v) == 2 and all(isinstance(s, str) for s in v)
                    for v in value.values())
            and any(CYRILLIC.search(uk) for uk, _ in value.values()))


def _library_modules() -> list[str]:
    names = []
    for package in PACKAGES:
        names.append(package)
        path = [str(ROOT / package)]
        names += [m.name for m in pkgutil.walk_packages(path, prefix=f"{package}.")
                  if m.name.rsplit(".", 1)[-1] != "__main__"]
    return names


def _script_paths() -> list[Path]:
    out = []
    for name in SCRIPTS:
        path = ROOT / name
        out += [path] if path.is_file() else sorted(path.glob("*.py"))
    return out


def _assigns(module: str, attr: str) -> bool:
    path = ROOT / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = path.with_suffix("") / "__init__.py"
    return bool(re.search(rf"^{re.escape(attr)}\s*[:=]", path.read_text(encoding="utf-8"), re.M))


def tables() -> dict[str, dict[str, tuple[str, str]]]:
    """Every (uk, en) table of the project by "module.NAME" (see the module docstring)."""
    holders: dict[int, list[tuple[str, str, dict]]] = defaultdict(list)
    for name in _library_modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if _is_table(value):
                holders[id(value)].append((name, attr, value))
    found: dict[str, dict] = {}
    for held in holders.values():  # named after the module that assigns it, not one that imports it
        name, attr, value = next((h for h in held if _assigns(h[0], h[1])), held[0])
        found[f"{name}.{attr}"] = value
    for path in _script_paths():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) and node.value is not None else []
            for target in targets:
                if isinstance(target, ast.Name) and isinstance(node.value, ast.Dict):
                    try:
                        value = ast.literal_eval(node.value)
                    except ValueError:
                        continue
                    if _is_table(value):
                        found[f"{path.relative_to(ROOT).with_suffix('')}.{target.id}".replace("/", ".")] = value
    return found


@pytest.fixture(scope="module")
def all_tables() -> dict[str, dict[str, tuple[str, str]]]:
    return tables()


def test_the_tables_are_found(all_tables):
    """The collector sees the shared table, module tables, page scripts' tables and MESSAGES."""
    for name in ("activity.i18n.WORDS", "etl.problems.MESSAGES", "ui.charts.T", "pages.data.T", "etl.commands.load.T"):
        assert name in all_tables, sorted(all_tables)
    assert len(all_tables) >= 30
    messages = all_tables["etl.problems.MESSAGES"]
    assert "report_city" in messages and "upload_mismatch" in messages  # extended by other modules


def _words(text: str) -> bool:
    """Whether a text says something to translate: a letter outside its {placeholders}."""
    return any(c.isalpha() for c in re.sub(r"\{[^{}]*\}", "", text))


def test_no_ukrainian_text_is_defined_twice(all_tables):
    """Each Ukrainian text once, under one key of one table, whatever its placeholders are called
    ("«{m}»" and "«{found}»" are the same text). A text of placeholders and marks only ("{detail}",
    "{city}, {period}", "—") says nothing to translate and may recur."""
    where = defaultdict(list)
    for table, pairs in all_tables.items():
        for key, (uk, _) in pairs.items():
            if _words(uk):
                where[re.sub(r"\{[^{}]*\}", "{}", uk)].append(f"{table}[{key!r}]")
    twice = {uk: places for uk, places in where.items() if len(places) > 1}
    assert not twice, "say these once (in activity.i18n.WORDS when several modules say them):\n" + "\n".join(
        f"  {uk!r}: {', '.join(places)}" for uk, places in twice.items())


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_pair_has_both_languages_and_the_same_placeholders(all_tables):
    bad = []
    for table, pairs in all_tables.items():
        for key, (uk, en) in pairs.items():
            if not uk.strip() or not en.strip():
                bad.append(f"{table}[{key!r}]: empty text")
            elif _placeholders(uk) != _placeholders(en):
                bad.append(f"{table}[{key!r}]: {sorted(_placeholders(uk))} vs {sorted(_placeholders(en))}")
    assert not bad, "\n".join(bad)


def test_shared_words_are_used_by_several_modules():
    """A text in WORDS is there because more than one module says it. Approximate: a module that
    calls `tr` and names the key in a string (or makes it at run time: f"gran_{...}", f"basis_{...}")."""
    from activity.i18n import WORDS

    callers = {p: p.read_text(encoding="utf-8") for p in _source_paths()}
    callers = {p: text for p, text in callers.items() if "tr(" in text and p.name != "i18n.py"}
    made = {"gran_by_": 'tr(f"gran_by_{', "gran_": 'tr(f"gran_{', "basis_": 'tr(f"basis_{'}
    lonely = []
    for key in WORDS:
        prefix = next((p for p in made if key.startswith(p)), None)
        users = [p for p, text in callers.items()
                 if (made[prefix] in text if prefix else re.search(rf"""['"]{re.escape(key)}['"]""", text))]
        if len(users) < 2:
            lonely.append(f"{key}: {[str(p.relative_to(ROOT)) for p in users]}")
    assert not lonely, "said by one module only; move it to that module's table:\n" + "\n".join(lonely)


# -- no translation helper outside activity/i18n.py ------------------------------------------------


def _source_paths() -> list[Path]:
    paths = [p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))]
    return paths + _script_paths()


def _compares_language(node: ast.AST) -> bool:
    """`lang == "en"`, `"uk" != x`, `x in ("uk", "en")`: a test of which language is asked for."""
    for n in ast.walk(node):
        if isinstance(n, ast.Compare):
            for side in [n.left, *n.comparators]:
                values = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
                if any(isinstance(v, ast.Constant) and v.value in LANG_CODES for v in values):
                    return True
    return False


def _says_a_language(node: ast.AST) -> bool:
    """Ukrainian text, or a value named for a language (uk, en, name_uk, message_en, self.en ...)."""
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and CYRILLIC.search(n.value):
            return True
        name = n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute) else None
        if name and (name in LANG_CODES or name.endswith(("_uk", "_en"))):
            return True
    return False


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for n in ast.walk(tree):
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and n.body:
            first = n.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def choosers(source: str) -> list[tuple[int, str]]:
    """(line, what) for each place in `source` that picks a language's text by itself:

    * an `if`/conditional expression on the language whose branches are Ukrainian text or values
      named for a language (`en if lang == "en" else uk`, `x.name_uk if lang == "uk" else ...`);
    * a function that tests the language and also holds Ukrainian text (a helper with words of its
      own, like `"МБ" ... if lang == "en"`);
    * a `{...}[lang]` lookup, and a `uk, en = ...` unpacking of a pair.
    """
    tree = ast.parse(source)
    docs, out = _docstrings(tree), []
    for n in ast.walk(tree):
        if isinstance(n, (ast.If, ast.IfExp)) and _compares_language(n.test):
            branches = [n.body, n.orelse] if isinstance(n, ast.IfExp) else [*n.body, *n.orelse]
            if any(_says_a_language(b) for b in branches):
                out.append((n.lineno, "chooses a language's text"))
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            body = n.body if isinstance(n.body, list) else [n.body]
            tests = any(_compares_language(s) for s in body)
            words = any(isinstance(c, ast.Constant) and isinstance(c.value, str) and CYRILLIC.search(c.value)
                        and id(c) not in docs for s in body for c in ast.walk(s))
            if tests and words:
                out.append((n.lineno, "tests the language and has Ukrainian words of its own"))
        elif isinstance(n, ast.Subscript) and isinstance(n.value, ast.Dict) and any(
                isinstance(x, ast.Name) and x.id == "lang" or isinstance(x, ast.Attribute) and x.attr == "lang"
                for x in ast.walk(n.slice)):
            out.append((n.lineno, "looks a text up by language"))
        elif isinstance(n, ast.Assign) and any(
                isinstance(t, ast.Tuple) and {getattr(e, "id", None) for e in t.elts} == LANG_CODES
                for t in n.targets):
            out.append((n.lineno, "unpacks a (uk, en) pair"))
    return sorted(set(out))


def test_no_translation_helper_outside_i18n():
    found = []
    for path in _source_paths():
        rel = str(path.relative_to(ROOT))
        if rel in ALLOWED_CHOOSERS:
            continue
        found += [f"{rel}:{line}: {what}" for line, what in choosers(path.read_text(encoding="utf-8"))]
    assert not found, "use activity.i18n (translator, tr, pick) instead:\n" + "\n".join(found)


@pytest.mark.parametrize("source", [
    'def f(key, lang):\n    uk, en = T[key]\n    return en if lang == "en" else uk\n',
    'def label(self, lang):\n    return self.label_en if lang == "en" else self.label_uk\n',
    'def size(n, lang):\n    return f"{n} {\'MB\' if lang == \'en\' else \'МБ\'}"\n',
    'def word(n, lang):\n    if lang == "en":\n        return "figures"\n    return "показників"\n',
    'x = {"uk": "так", "en": "yes"}[lang]\n',
    'def render(lang, severity):\n    return {("uk", "e"): "помилка", ("en", "e"): "error"}[(lang, severity)]\n',
])
def test_the_helper_check_sees_the_old_spellings(source):
    assert choosers(source)


@pytest.mark.parametrize("source", [
    'fmt = "%d.%m.%Y" if lang == "uk" else "%Y-%m-%d"\n',
    'names = places["city_uk" if lang == "uk" else "city"]\n',
    'text = t("key", lang, n=1)\n',
])
def test_the_helper_check_leaves_formats_and_lookups_alone(source):
    assert not choosers(source)
