from policylens.cli import run

run()
