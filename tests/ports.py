"""Ports for servers the tests start: under 32768, where the kernel hands out no ephemeral ports."""

import random
import socket


def free_port_below_ephemeral_range():
    """A loopback port nothing listens on right now, between 20000 and 32767."""
    for port in random.sample(range(20000, 32768), 100):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port between 20000 and 32767.")
