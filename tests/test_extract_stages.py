"""The stages are functions of the article and of earlier stages' records: the order is
written once (STAGES), a stage changes no record it is given, and the loader's modules
import one another without cycles or reaching into private names."""

import ast
import dataclasses
from pathlib import Path

import pytest

import loader.extract as extract
from loader.extract import STAGES, run_stages
from loader.extract.document import entity_sections
from loader.extract.entities import resolve_entities
from loader.extract.index import article_index
from loader.extract.mentions import find_mentions
from loader.extract.model import load_nlp, parse
from tests.test_extract_failures import TEXT, article

ARTICLE_INPUTS = {"article", "text", "doc", "published", "publisher"}
PACKAGE = Path(extract.__file__).parent
LOADER = PACKAGE.parent


@pytest.fixture(scope="module", autouse=True)
def nlp():
    return load_nlp()


def test_each_stage_needs_only_what_the_article_or_an_earlier_stage_gives():
    made: set[str] = set()
    for stage in STAGES:
        assert set(stage.needs) <= ARTICLE_INPUTS | made, stage.name
        assert not set(stage.makes) & made, stage.name  # each record is made once
        made |= set(stage.makes)


def test_no_stage_changes_a_record_it_is_given():
    seen: list[str] = []

    def watching(stage):
        def run(article, parsed, records):
            before = {key: repr(value) for key, value in records.items()}
            made = stage.run(article, parsed, records)
            for key, value in records.items():
                assert repr(value) == before[key], f"{stage.name} changed {key}"
            seen.append(stage.name)
            return made
        return dataclasses.replace(stage, run=run)

    parsed = parse(TEXT)
    records, failures = run_stages(article(), parsed, tuple(watching(s) for s in STAGES))
    assert failures == [] and seen == [s.name for s in STAGES]
    # what the later stages read is what the statements stage made, not a copy they changed
    assert [r["id"] for r in records["attribution"].statements] == [s["id"] for s in records["statements"]]


def test_the_index_answers_queries_and_cannot_be_changed():
    text = 'Maria Lopez met John Smith in Madrid on Monday. "We agreed on a plan," Lopez said.'
    parsed = parse(text)
    mentions, pairs = find_mentions(parsed, article(text))
    _, _, _, named, ids = entity_sections(text, resolve_entities(text, mentions, pairs))
    index = article_index(text, parsed, named, ids)
    said = text.index("Lopez said")
    maria, kind = index.entity_at(said, said + len("Lopez"))
    john = index.entity_at(text.index("Smith"), text.index("Smith") + 5)[0]
    assert kind == "person" and index.kind_of(maria) == "person" and index.name_of(maria) == "Maria Lopez"
    assert index.kind_of("nobody") is None and index.name_of("nobody") is None
    assert [m[2] for m in index.people_before(said)] == [maria, john]
    assert index.inside_quote(text.index("agreed")) and not index.inside_quote(said)
    assert index.quote_around(text.index("agreed")) == (text.index('"We'), text.index('," Lopez') + 1)
    assert index.entity_at(text.index("met"), text.index("met") + 3) is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        index.mentions = ()


def _imports(path: Path) -> list[ast.ImportFrom]:
    """The relative imports a module makes when it runs (not those for type checkers only)."""
    found, stack = [], [ast.parse(path.read_text(encoding="utf-8"))]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        if isinstance(node, ast.ImportFrom) and node.level:
            found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def _module_graph() -> dict[str, set[str]]:
    """loader's modules ("extract.index", "annotations", ...) -> the loader modules they import."""
    names = {p.relative_to(LOADER).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__").removesuffix("__init__"): p
             for p in LOADER.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = set()
        for node in _imports(path):
            base = package.split(".") if package else []
            base = base[: len(base) - (node.level - 1)]
            target = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:  # "from . import x" names a module x; "from .x import y" a name in x
                module = f"{target}.{alias.name}".lstrip(".")
                graph[name] |= {module} if module in names else {target} & set(names)
    return graph


def test_the_loader_modules_import_no_private_name():
    for path in LOADER.rglob("*.py"):
        for node in _imports(path):
            private = [a.name for a in node.names if a.name.startswith("_") and not a.name.endswith("__")]
            assert not private, f"{path.name} imports {private} from {node.module}"


def test_the_loader_modules_make_no_import_cycle():
    graph = _module_graph()

    def cycle_from(start: str) -> list[str] | None:
        """A path of imports from ``start`` back to itself (depth first)."""
        stack, seen = [(start, [start])], set()
        while stack:
            name, path = stack.pop()
            for nxt in graph.get(name, ()):
                if nxt == start:
                    return [*path, nxt]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
        return None

    for name in graph:
        assert cycle_from(name) is None, " -> ".join(cycle_from(name))
