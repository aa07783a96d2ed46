"""Import of OpenAlex snapshot files (gzip JSON Lines, one entity per line) into the graph."""
