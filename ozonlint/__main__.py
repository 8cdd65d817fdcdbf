"""``python -m ozonlint``: the same as the ``ozonlint`` command."""
from .cli import run

if __name__ == "__main__":  # pragma: no branch
    run()
