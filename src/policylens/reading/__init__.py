"""Reading: bytes -> a Document. Sniff the format (HTML page or fragment, markdown, text), decode
and repair, turn HTML into text, read the metadata, identify the language and judge the capture."""
