"""Shared by every test module."""

import signal

# A shell that starts the suite in the background (`pytest &` in a script, some CI runners) starts it with Ctrl-C
# ignored, and Python then never installs its KeyboardInterrupt: the tests of what Ctrl-C does would fail for
# the way they were started. Each test process, and through it each tutor a test starts, gets Python's own.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
