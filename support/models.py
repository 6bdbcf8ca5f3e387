# The Suporte page composes the other apps and owns no tables.
