"""Tools of the bilingual edition: parse the pages, check them, generate from them."""
