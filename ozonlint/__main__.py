"""``python -m ozonlint``: the same as the ``ozonlint`` command, whose entry point ``main`` is."""


def main() -> None:
    """The ``ozonlint`` command (``cli.run``), with the garbage collector set up for a short process.

    Start-up imports the engine and loads the compiled rules: some 25,000
    objects that live as long as the command and are no garbage. With the
    collector on, it walked them again and again as they were made, 4 to 7 ms
    of every start. It is off while they are made and they are then frozen,
    never walked again (the compiled rules too: see ``cli._long_lived``), so it
    walks only what the checks make.
    """
    import gc

    gc.disable()
    try:
        from .cli import run
    finally:
        gc.freeze()
        gc.enable()
    run()


if __name__ == "__main__":  # pragma: no branch
    main()
