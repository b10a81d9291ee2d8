"""``python -m kazlit`` runs the command-line interface."""

from kazlit.cli import main

if __name__ == "__main__":
    main()
