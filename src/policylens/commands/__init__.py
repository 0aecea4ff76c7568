"""One module per subcommand; cli.py registers them in COMMANDS."""
