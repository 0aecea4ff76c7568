"""Structure: a Document's blocks (headings, paragraphs, list items with their lead-in, table rows)
with offsets back to the text, and its sections."""
