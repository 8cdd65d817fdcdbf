"""``python -m ozonlint``: the same as the ``ozonlint`` command."""
from .cli import main

if __name__ == "__main__":  # pragma: no branch
    main()
