"""ozonlint: catch what gets an Ozon seller's reply to a buyer penalised, before it is sent.

    import ozonlint
    violations = ozonlint.check("draft reply")         # default rules, list[Violation]
    fixed = ozonlint.fix("draft reply")                # safe fixes applied
    result = ozonlint.review("draft reply")            # fixed text, fixes applied, what remains, action
    linter = ozonlint.Linter()                         # default packs, compiled once, thread-safe
    linter = ozonlint.Linter.from_paths(["my_rules/"]) # default packs plus these
    linter.check(text)
    [v.to_dict() for v in violations]                 # JSON-ready dicts (the contract's fields)
    [v.in_language("zh") for v in violations]         # the messages in another language, per call
"""
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:  # the names as type checkers see them; at run time see __getattr__
    from .engine import ExampleFailure, Linter, Rule, RuleTimeoutError
    from .fix import Fix, Review
    from .model import Category, Severity, Violation
    from .rulepack import RulePackError

__version__ = "0.1.0"

# The public names, imported from their modules on first use (PEP 562): ``import
# ozonlint`` costs nothing until one is used, so that the ``ozonlint`` command
# can set the garbage collector up before the engine is imported (see __main__).
_EXPORTS = {
    "ExampleFailure": "engine", "Linter": "engine", "Rule": "engine", "RuleTimeoutError": "engine",
    "Fix": "fix", "Review": "fix",
    "Category": "model", "Severity": "model", "Violation": "model",
    "RulePackError": "rulepack",
}


def __getattr__(name: str) -> object:
    """A public name from its module, or a submodule (``ozonlint.engine``), imported on first use."""
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(__import__(module, globals(), None, [name], 1), name)
        globals()[name] = value  # found directly from now on
        return value
    if not name.startswith("_"):
        try:
            return __import__(name, globals(), None, ["__name__"], 1)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise  # a submodule that exists but cannot import something
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_ModuleType = type(sys)  # types.ModuleType, without importing types
_FUNCTIONS = ("check", "fix", "review")


class _Package(_ModuleType):
    """This package's module type. Importing the submodule ``ozonlint.fix`` sets
    the package's attribute ``fix`` to that module, which would hide the
    function ``fix`` below (the submodules used to be imported before the
    functions were defined; now they are imported on first use)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _FUNCTIONS and isinstance(value, _ModuleType):
            return  # the function stays; ``from ozonlint.fix import ...`` reads sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def _default_linter() -> "Linter":
    from .engine import default_linter

    return default_linter()


def check(text: str) -> "list[Violation]":
    """Violations of the default rules in ``text``, sorted by position; a
    ``TypeError`` for anything but a ``str``."""
    return _default_linter().check(text)


def fix(text: str, unsafe: bool = False) -> str:
    """``text`` with the default rules' safe fixes applied (unsafe ones too when ``unsafe``);
    a ``TypeError`` for anything but a ``str``."""
    return _default_linter().fix(text, unsafe)


def review(text: str, unsafe: bool = False) -> "Review":
    """One call before sending: the fixed text, the fixes applied, the findings
    that remain (with severities) and the ``action``: send, send-fix or stop."""
    return _default_linter().review(text, unsafe)


__all__ = [
    "Category",
    "ExampleFailure",
    "Fix",
    "Linter",
    "Rule",
    "Review",
    "RulePackError",
    "RuleTimeoutError",
    "Severity",
    "Violation",
    "__version__",
    "check",
    "fix",
    "review",
]


def __dir__() -> "list[str]":
    """The public names only (not the submodules an import leaves behind)."""
    return sorted(__all__)
