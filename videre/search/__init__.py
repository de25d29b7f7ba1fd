"""The Danish site search: Pagefind's index, made reproducible, and the words staff search by."""
