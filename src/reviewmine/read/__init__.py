"""Reading: files to lines with layout, lines to blocks in reading order."""
