"""The ``videre`` command and the new-offer wizard: the only place that prints or exits."""
