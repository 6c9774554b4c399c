"""Jupyter configuration of the docs build: ``make docs`` points ``JUPYTER_CONFIG_PATH``
here, and mkdocs-jupyter loads it when it runs the simulation notebook.

The notebook's kernel talks to the build over local IPC sockets instead of TCP on
loopback, so ipykernel (7 and later) no longer warns that the kernel "is running over TCP
without encryption". Where ZeroMQ has no IPC transport (some Windows builds), TCP stays,
and so does the warning: harmless, the kernel listens on 127.0.0.1 only.
"""

import os
from pathlib import Path

import zmq
from jupyter_core.paths import jupyter_runtime_dir

c = get_config()  # noqa: F821 - defined by traitlets when it loads this file

if zmq.has("ipc"):
    c.KernelManager.transport = "ipc"
    # The sockets' path prefix, absolute: the kernel runs in the notebook's folder, and a
    # relative prefix ("kernel-ipc", the default) would name other files there. One prefix
    # per build process; the kernel manager removes the sockets when the kernel stops.
    runtime = Path(jupyter_runtime_dir())  # where Jupyter keeps connection files (0700)
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    c.KernelManager.ip = str(runtime / f"flexasn-docs-{os.getpid()}-ipc")
