"""Code that runs inside the Rasa process (Python 3.10): the NLU safety reader and the
input channels. Keep it small: it may import only the standard library, rasa, and the
stdlib-only modules bot.signals and bot.redact."""
