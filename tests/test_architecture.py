"""The package's structure: imports only go down the layers, no module imports itself round a
circle, and no module is too long to read in one sitting."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "helpers"
#: Bottom to top. A module may import its own layer and the layers below it, never above.
LAYERS = ["paths", "machine", "provenance", "text", "annotate", "analysis", "figures", "pipeline"]
MAX_LINES = 700


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def imports(path: Path) -> set[str]:
    """The helpers modules a file imports, anywhere in it (lazy imports count too)."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("helpers"):
                found.add(target)
                found |= {f"{target}.{a.name}" for a in node.names if (PACKAGE.parent / f"{target}.{a.name}".replace(".", "/")).exists()
                          or (PACKAGE.parent / (f"{target}.{a.name}".replace(".", "/") + ".py")).exists()}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("helpers")}
    return found - {module}


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down_the_layers(module):
    own = layer(module)
    if own is None:
        return
    upward = [t for t in imports(MODULES[module]) if (layer(t) or 0) > own]
    assert not upward, f"{module} (layer {LAYERS[own]}) imports upward: {upward}"


def test_no_import_circle():
    graph = {m: {t for t in imports(p) if t in MODULES and not (p.name == "__init__.py")} for m, p in MODULES.items()}
    # a package's __init__ re-exporting its own modules is not a circle
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycle = trail[trail.index(nxt):] + [nxt]
                pytest.fail("import circle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [node])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_too_long_to_read(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines (at most {MAX_LINES})"



def test_every_list_of_punctuation_knows_every_quote_mark():
    """text.quotemarks.ALL_MARKS is the one set of quote marks; the lists that let names, matching,
    word counts and the quotes extractor see through quote marks are built from it, so a mark added
    there (‹›, „) is seen everywhere."""
    from helpers.analysis.discourse import words
    from helpers.annotate import entities, matching, names
    from helpers.annotate.quotes import lexicon
    from helpers.text.quotemarks import ALL_MARKS

    for used in (lexicon.QUOTE_CHARS, names.TRANSPARENT_PUNCT, matching.SEPARATORS, words.TRANSPARENT_PUNCT):
        assert ALL_MARKS <= used
    for mark in ALL_MARKS:
        assert entities.APPOSITION_GAP.fullmatch(f" {mark} ") and entities.GENITIVE_GAP.fullmatch(f"{mark} لـ {mark}")
